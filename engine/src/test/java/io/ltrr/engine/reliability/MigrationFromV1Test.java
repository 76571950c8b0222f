package io.ltrr.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.store.ArmReward;
import io.ltrr.engine.store.ClickEvent;
import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.Q2eEntry;
import io.ltrr.engine.store.RatingEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder written by the first schema version keeps every row when the current code opens it and applies
 * all later migrations, whatever they are: row counts of every V1 table are compared, and the log reads back
 * through the store.
 */
class MigrationFromV1Test {
    private static final List<String> V1_TABLES = List.of("sessions", "searches", "search_arms", "shown_items",
            "item_provenance", "clicks", "ratings", "arm_rewards", "q2e", "policy_snapshots", "ranker_state");
    private static final String T = "2025-05-01 10:00:00+00";

    @TempDir
    Path data;

    /** The store's own URL settings, spelled out: the test must not depend on package-private code. */
    private String url() {
        return "jdbc:h2:file:" + data.toAbsolutePath().resolve("feedback") + ";FILE_LOCK=FILE;DB_CLOSE_ON_EXIT=FALSE";
    }

    @Test
    void everyV1RowSurvivesTheMigrationToTheCurrentSchema() throws SQLException {
        Flyway.configure().dataSource(url(), "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        Map<String, Long> before;
        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            writeV1Log(c);
            before = counts(c);
        }
        assertThat(before.values()).allMatch(n -> n > 0);

        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            Impression imp = store.searchLog().impression("s-1").orElseThrow();
            assertThat(imp.query()).isEqualTo("Love Song");
            assertThat(imp.features().values()).containsExactly(1.0, 0.5);
            assertThat(imp.selection().chosen()).containsExactly("bm25", "explore");
            assertThat(imp.selection().propensity()).containsEntry("bm25", 0.9).containsEntry("dense", 0.2);
            assertThat(imp.shown()).extracting(s -> s.itemId()).containsExactly("t1", "t2");
            assertThat(store.feedbackLog().clicksOf("s-1")).extracting(ClickEvent::itemId).containsExactly("t2");
            assertThat(store.feedbackLog().ratingsOf("s-1")).extracting(RatingEvent::grade).containsExactly(3);
            assertThat(store.feedbackLog().rewardsOf("c-1")).extracting(ArmReward::armId, ArmReward::reward)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("bm25", 1.0),
                            org.assertj.core.groups.Tuple.tuple("explore", 0.0));
            List<FeedbackOutcome> replay = new ArrayList<>();
            store.feedbackLog().replay(replay::add);
            assertThat(replay).extracting(FeedbackOutcome::eventId).containsExactly("c-1", "r-2");
            assertThat(store.clickMemory().q2eLookup("love song", 5)).extracting(Q2eEntry::itemId).containsExactly("t2");
            assertThat(store.learnedState().latestPolicyState("thompson").orElseThrow().round()).isEqualTo(1);
            assertThat(store.learnedState().latestRankerState("rrf").orElseThrow().json()).isEqualTo("{\"k\":60}");
            // Ids continue after the migrated rows instead of colliding with them.
            assertThat(store.searchLog().newSearchId()).isEqualTo("s-2");
        }
        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            assertThat(counts(c)).isEqualTo(before);
        }
    }

    /** One search with two chosen arms (one offered, not chosen), a click, a rating, memory and learned state. */
    private static void writeV1Log(Connection c) throws SQLException {
        update(c, "SELECT NEXT VALUE FOR search_seq");
        update(c, "SELECT NEXT VALUE FOR event_seq");
        update(c, "SELECT NEXT VALUE FOR event_seq");
        update(c, "SELECT NEXT VALUE FOR session_seq");
        update(c, "INSERT INTO sessions VALUES ('ses-1', 'anon', TIMESTAMP WITH TIME ZONE '" + T + "', "
                + "TIMESTAMP WITH TIME ZONE '" + T + "')");
        update(c, "INSERT INTO searches VALUES (1, TIMESTAMP WITH TIME ZONE '" + T + "', 'ses-1', 'anon', 'Love Song',"
                + " 'love song', '{\"device\":\"screen\"}', '[\"bias\",\"len\"]', '[1.0,0.5]', 'thompson', 0)");
        update(c, "INSERT INTO search_arms VALUES (1, 'bm25', 0, TRUE, 0, 60, 0.9, 0.5, 0.1, 0.7, 3),"
                + " (1, 'explore', 1, TRUE, 1, 40, 0.6, 0.4, 0.2, 0.5, 2),"
                + " (1, 'dense', 2, FALSE, NULL, NULL, 0.2, 0.3, 0.3, 0.1, 1)");
        update(c, "INSERT INTO shown_items VALUES (1, 1, 't1', 0.9), (1, 2, 't2', 0.8)");
        update(c, "INSERT INTO item_provenance VALUES (1, 't1', 'explore', 1, 0.5), (1, 't2', 'bm25', 1, 2.5)");
        update(c, "INSERT INTO clicks VALUES (1, 1, 't2', 2, TIMESTAMP WITH TIME ZONE '" + T + "')");
        update(c, "INSERT INTO ratings VALUES (2, 1, 't2', 3, FALSE, 'ann', TIMESTAMP WITH TIME ZONE '" + T + "')");
        update(c, "INSERT INTO arm_rewards (search_id, arm_id, reward, source, event_id) VALUES"
                + " (1, 'bm25', 1.0, 'click', 1), (1, 'explore', 0.0, 'click', 1),"
                + " (1, 'bm25', 1.0, 'rating', 2), (1, 'explore', 0.0, 'rating', 2)");
        update(c, "INSERT INTO q2e VALUES ('love song', 't2', 0.5, 1, 1, TIMESTAMP WITH TIME ZONE '" + T + "')");
        update(c, "INSERT INTO policy_snapshots (policy_id, policy_round, snapshot, created_at) VALUES"
                + " ('thompson', 1, '{\"round\":1}', TIMESTAMP WITH TIME ZONE '" + T + "')");
        update(c, "INSERT INTO ranker_state VALUES ('rrf', 1, '{\"k\":60}', TIMESTAMP WITH TIME ZONE '" + T + "')");
    }

    /** Test fixture SQL: constant text written here, not user input. */
    private static void update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }

    private static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : V1_TABLES) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }
}
