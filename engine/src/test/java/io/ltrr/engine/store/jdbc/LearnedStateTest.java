package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.PolicySnapshot;
import io.ltrr.engine.store.RankerSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnedStateTest {
    static final Instant NOW = Instant.parse("2025-04-02T08:00:00Z");

    @TempDir
    Path data;

    private H2FeedbackStore open() {
        return H2FeedbackStore.open(data, new FeedbackStoreConfig(5, 3), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void latestPolicyStateIsTheLastSavedOfThatPolicy() {
        try (FeedbackStore store = open()) {
            store.learnedState().savePolicyState("thompson", 10, "{\"t\":10}");
            store.learnedState().savePolicyState("linucb", 4, "{\"l\":4}");
            store.learnedState().savePolicyState("thompson", 11, "{\"t\":11}");

            assertThat(store.learnedState().latestPolicyState("thompson"))
                    .contains(new PolicySnapshot("thompson", 11, "{\"t\":11}", NOW));
            assertThat(store.learnedState().latestPolicyState("linucb").orElseThrow().round()).isEqualTo(4);
            assertThat(store.learnedState().latestPolicyState("epsilon")).isEmpty();
        }
    }

    @Test
    void onlyTheConfiguredHistoryIsKeptPerPolicy() throws SQLException {
        try (FeedbackStore store = open()) {
            for (int round = 1; round <= 6; round++) {
                store.learnedState().savePolicyState("thompson", round, "{\"round\":" + round + "}");
            }
            store.learnedState().savePolicyState("linucb", 1, "{}");

            assertThat(column(data, "SELECT policy_round FROM policy_snapshots WHERE policy_id = 'thompson'"
                    + " ORDER BY snapshot_id")).containsExactly("4", "5", "6");
            assertThat(column(data, "SELECT policy_round FROM policy_snapshots WHERE policy_id = 'linucb'"))
                    .containsExactly("1");
        }
    }

    @Test
    void rankerVersionsCountUpAndKeepAShortHistory() throws SQLException {
        try (FeedbackStore store = open()) {
            for (int i = 1; i <= 5; i++) {
                assertThat(store.learnedState().saveRankerState("lambdamart", "{\"trees\":" + i + "}")).isEqualTo(i);
            }

            assertThat(store.learnedState().latestRankerState("lambdamart"))
                    .contains(new RankerSnapshot("lambdamart", 5, "{\"trees\":5}", NOW));
            assertThat(column(data, "SELECT version FROM ranker_state ORDER BY version")).containsExactly("3", "4", "5");
        }
    }

    @Test
    void resetLearningForgetsSnapshotsAndModelsButKeepsTheLog() {
        try (FeedbackStore store = open()) {
            String search = Fixtures.record(store, Fixtures.T0, "so what");
            store.feedbackLog().recordClick(search, "item-a", Fixtures.T0.plusSeconds(1));
            store.clickMemory().q2eObserve("so what", java.util.Map.of("item-a", 1L), java.util.Map.of("item-a", 1L));
            store.learnedState().savePolicyState("thompson", 1, "{}");
            store.learnedState().saveRankerState("lambdamart", "{}");

            store.learnedState().resetLearning();

            assertThat(store.learnedState().latestPolicyState("thompson")).isEmpty();
            assertThat(store.learnedState().latestRankerState("lambdamart")).isEmpty();
            assertThat(store.searchLog().count()).isEqualTo(1);
            assertThat(store.feedbackLog().clickCount()).isEqualTo(1);
            assertThat(store.feedbackLog().rewardsOf("c-1")).hasSize(3);
            assertThat(store.clickMemory().q2eHasQuery("so what")).isTrue();
            List<FeedbackOutcome> replayed = new ArrayList<>();
            store.feedbackLog().replay(replayed::add);
            assertThat(replayed).hasSize(1);
        }
    }

    /** Reads the open store's database through a second connection of this JVM (H2 shares it). */
    static List<String> column(Path data, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(Schema.url(data.toAbsolutePath().normalize()), "sa", "");
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
