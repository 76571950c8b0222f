package io.ltrr.engine.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.LoggedRound;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogEvaluationTest {
    @TempDir
    Path data;

    @Test
    void readsRoundsWithPropensitiesAndPerArmRewardsFromTheStore() {
        try (H2FeedbackStore store = H2FeedbackStore.open(data)) {
            String id = LogFixture.fill(store, 1, 3).getFirst();
            // A second click on the same search must not push a reward above 1: the round keeps the best one.
            LoggedRound before = store.logReader().rounds().getFirst();
            store.feedbackLog().recordClick(id, before.shown().getFirst().itemId(), LogFixture.T0.plusSeconds(30));
            LoggedRound r = store.logReader().rounds().getFirst();
            assertThat(r.searchId()).isEqualTo(id);
            assertThat(r.offered()).containsExactlyElementsOf(LogFixture.ARMS);
            assertThat(r.chosen()).hasSize(2);
            r.offered().forEach(a -> assertThat(r.loggedPropensity(a)).isCloseTo(2.0 / 3, within(1e-12)));
            assertThat(r.rewards().get(r.chosen().getFirst())).isEqualTo(1.0);
            assertThat(r.rewards().get(r.chosen().get(1))).isEqualTo(0.0);
            assertThat(r.rewardedEvents()).isGreaterThanOrEqualTo(1);
            assertThat(r.shown()).extracting(LoggedRound.Shown::position).containsExactly(1, 2);
        }
    }

    @Test
    void ranksTheGoodArmAboveTheBadOneAndEvaluatesRegistryPolicies() {
        try (H2FeedbackStore store = H2FeedbackStore.open(data)) {
            LogFixture.fill(store, 300, 5);
        }
        try (LogEvaluation eval = LogEvaluation.open(data)) {
            List<OpeEstimate> board = eval.evaluate(List.of("arm:bad", "arm:good", "uniform", "thompson"),
                    PolicyTarget.Mode.PROGRESSIVE, new OffPolicyEstimator(200, 0.95, 1), 9);
            assertThat(board).extracting(OpeEstimate::target).contains("arm:good", "arm:bad", "uniform", "thompson");
            assertThat(board.getFirst().dr().value()).isGreaterThanOrEqualTo(board.getLast().dr().value());
            OpeEstimate good = board.stream().filter(e -> e.target().equals("arm:good")).findFirst().orElseThrow();
            OpeEstimate bad = board.stream().filter(e -> e.target().equals("arm:bad")).findFirst().orElseThrow();
            // "good" is clicked when first in S with rate 0.8 and bad with 0.1 (first in S half the time).
            assertThat(good.ips().value()).isGreaterThan(bad.ips().ciHigh());
            assertThat(good.rounds()).isEqualTo(300);
            assertThat(good.unsupported()).isZero();
        }
    }

    @Test
    void anEmptyLogOrUnknownPolicyIsAnError() {
        try (LogEvaluation eval = LogEvaluation.open(data)) {
            assertThatThrownBy(() -> eval.evaluate(List.of("uniform"), PolicyTarget.Mode.FROZEN,
                    OffPolicyEstimator.withSeed(1), 1)).hasMessageContaining("no rounds");
        }
        try (H2FeedbackStore store = H2FeedbackStore.open(data)) {
            LogFixture.fill(store, 5, 5);
        }
        try (LogEvaluation eval = LogEvaluation.open(data)) {
            assertThatThrownBy(() -> eval.evaluate(List.of("nope"), PolicyTarget.Mode.FROZEN,
                    OffPolicyEstimator.withSeed(1), 1)).hasMessageContaining("unknown policy 'nope'");
        }
    }
}
