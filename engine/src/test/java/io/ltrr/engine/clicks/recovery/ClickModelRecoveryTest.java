package io.ltrr.engine.clicks.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.clicks.ClickModelOptions;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The click models against the simulator's users on a log whose truth is known (seed 42, the default setup: 30
 * queries × 15 candidates, 10 shown, 20,000 sessions, pairs shown at least 10 times). The figures are those of
 * {@code ltrr judgments validate} and docs/results.md; the bounds leave room below them.
 */
class ClickModelRecoveryTest {
    static final long SEED = 42;
    static RecoveryReport report;

    @BeforeAll
    static void recover() {
        report = ClickModelRecovery.run(ClickLogSetup.defaults(SEED), ClickModelOptions.defaults());
    }

    private static RecoveryReport.Users users(String kind) {
        return report.users().stream().filter(u -> u.clickModel().equals(kind)).findFirst().orElseThrow();
    }

    private static Map<String, RecoveryReport.Model> models(RecoveryReport.Users u) {
        return u.models().stream().collect(Collectors.toMap(RecoveryReport.Model::model, Function.identity()));
    }

    @Test
    void pbmRecoversThePositionBiasOfPositionBasedUsers() {
        RecoveryReport.Users u = users("pbm");
        assertThat(u.trueExamination()).hasSize(10);
        assertThat(u.pbmExamination()).hasSize(10);
        assertThat(u.biasMaxError()).as("max |θ̂_k − θ_k|, k = 1..5, seed " + SEED).isLessThanOrEqualTo(0.05);
        for (int k = 0; k < 10; k++) {
            assertThat(u.pbmExamination().get(k)).as("θ at position " + (k + 1) + ", seed " + SEED)
                    .isCloseTo(u.trueExamination().get(k), within(0.05));
        }
    }

    @Test
    void pbmRanksAndGradesPositionBasedUsersRelevanceBest() {
        RecoveryReport.Users u = users("pbm");
        RecoveryReport.Agreement pbm = models(u).get("pbm").agreement();
        assertThat(pbm.pairs()).isGreaterThan(400);
        assertThat(pbm.spearman()).as("Spearman, seed " + SEED).isGreaterThan(0.9).isGreaterThan(u.ctr().spearman());
        assertThat(pbm.kendall()).as("Kendall, seed " + SEED).isGreaterThan(0.8).isGreaterThan(u.ctr().kendall());
        assertThat(pbm.gradeAgreement()).as("same grade, seed " + SEED).isGreaterThan(0.9);
        for (RecoveryReport.Model m : u.models()) {
            assertThat(m.agreement().gradeAgreement()).as(m.model()).isLessThanOrEqualTo(pbm.gradeAgreement());
        }
    }

    @Test
    void dbnRanksAndGradesCascadeUsersRelevanceBest() {
        RecoveryReport.Users u = users("cascade");
        RecoveryReport.Agreement dbn = models(u).get("dbn").agreement();
        assertThat(dbn.spearman()).as("Spearman, seed " + SEED).isGreaterThan(0.75).isGreaterThan(u.ctr().spearman());
        assertThat(dbn.kendall()).as("Kendall, seed " + SEED).isGreaterThan(0.6).isGreaterThan(u.ctr().kendall());
        assertThat(dbn.gradeAgreement()).as("same grade, seed " + SEED).isGreaterThan(0.7);
        for (RecoveryReport.Model m : u.models()) {
            assertThat(m.agreement().spearman()).as(m.model()).isLessThanOrEqualTo(dbn.spearman());
        }
    }

    @Test
    void everyModelRanksEitherUsersRelevanceFarBetterThanChance() {
        for (RecoveryReport.Users u : report.users()) {
            for (RecoveryReport.Model m : u.models()) {
                assertThat(m.agreement().spearman()).as(u.clickModel() + " users, " + m.model() + ", seed " + SEED)
                        .isGreaterThan(0.6);
            }
        }
    }

    @Test
    void theSameSetupSimulatesTheSameSessions() {
        ClickLogSetup small = ClickLogSetup.defaults(7).withSessions(200);
        for (var spec : ClickModelRecovery.users()) {
            assertThat(SimulatedClickLog.simulate(small, spec)).isEqualTo(SimulatedClickLog.simulate(small, spec));
        }
        assertThat(SimulatedClickLog.simulate(small, ClickModelRecovery.users().get(0)).sessions())
                .isNotEqualTo(SimulatedClickLog.simulate(ClickLogSetup.defaults(8).withSessions(200),
                        ClickModelRecovery.users().get(0)).sessions());
    }
}
