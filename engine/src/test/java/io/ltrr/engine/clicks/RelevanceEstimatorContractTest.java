package io.ltrr.engine.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What every registered click model promises, whatever its assumptions. */
class RelevanceEstimatorContractTest {
    static final List<String> IDS = RelevanceEstimators.IDS;

    /** Seeded sessions of three queries over five items, in shuffled orders, with random clicks. */
    private static List<ClickSession> sessions(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Sessions s = new Sessions();
        for (int t = 0; t < 300; t++) {
            String[] items = {"a", "b", "c", "d", "e"};
            for (int i = items.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String x = items[i];
                items[i] = items[j];
                items[j] = x;
            }
            List<Integer> clicked = new ArrayList<>();
            for (int k = 1; k <= items.length; k++) {
                if (random.nextDouble() < 0.3 / k) {
                    clicked.add(k);
                }
            }
            s.add("q" + random.nextInt(3), String.join(",", items), clicked.toArray(Integer[]::new));
        }
        return s.list();
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void theSameSessionsGiveTheSameFit(String id) {
        ClickModelOptions options = ClickModelOptions.defaults();
        assertThat(RelevanceEstimators.of(id).fit(sessions(5), options))
                .isEqualTo(RelevanceEstimators.of(id).fit(sessions(5), options));
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void estimatesAreFiniteAndNotNegativeAndGradesOnTheScale(String id) {
        RelevanceEstimator estimator = RelevanceEstimators.of(id);
        ClickModelFit fit = estimator.fit(sessions(6), ClickModelOptions.defaults());
        assertThat(fit.model()).isEqualTo(id);
        assertThat(fit.sessions()).isEqualTo(300);
        assertThat(fit.pairs()).hasSize(15).allSatisfy(p -> {
            assertThat(p.relevance()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(estimator.gradeRule().grade(p.relevance())).isBetween(0, 3);
        });
        if (!id.equals(CoecEstimator.ID)) {
            assertThat(fit.pairs()).allSatisfy(p -> assertThat(p.relevance()).isLessThanOrEqualTo(1));
        }
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void onlyPairsShownOftenEnoughAreReported(String id) {
        ClickModelFit fit = RelevanceEstimators.of(id).fit(sessions(7), ClickModelOptions.defaults()
                .withMinImpressions(101));
        assertThat(fit.pairsSeen()).isEqualTo(15);
        assertThat(fit.pairs()).allSatisfy(p -> assertThat(p.impressions()).isGreaterThanOrEqualTo(101));
        assertThat(fit.pairs().size()).isLessThan(15);
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void noSessionsGiveAnEmptyFit(String id) {
        List<ClickSession> nothingShown = List.of(new ClickSession("x", "q", List.of(), Set.of()));
        ClickModelFit fit = RelevanceEstimators.of(id).fit(nothingShown, ClickModelOptions.defaults());
        assertThat(fit.sessions()).isZero();
        assertThat(fit.pairs()).isEmpty();
        assertThat(fit.positionEffects()).isEmpty();
    }
}
