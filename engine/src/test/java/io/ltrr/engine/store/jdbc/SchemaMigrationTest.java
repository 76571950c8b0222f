package io.ltrr.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.LoggedRating;
import io.ltrr.engine.store.Q2eEntry;
import io.ltrr.engine.store.ReformulationCount;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {
    /** A folder's rows as the migrations up to V7 left them, keyed on query texts (one non-Latin). */
    private static final String[] V7_ROWS = {
        """
        INSERT INTO searches (search_id, created_at, session_id, user_id, query_text, normalized_query, context_json,
                              feature_names, feature_values, policy_id, policy_round)
        VALUES (1, TIMESTAMP WITH TIME ZONE '2025-03-01 10:00:00Z', 'ses-1', 'alice', 'Жёлтый поезд', 'жёлтый поезд',
                '{}', '[]', '[]', 'thompson', 1),
               (2, TIMESTAMP WITH TIME ZONE '2025-03-01 10:00:05Z', 'ses-1', 'alice', 'Blue Train', 'blue train',
                '{}', '[]', '[]', 'thompson', 2)""",
        "INSERT INTO shown_items (search_id, position, item_id, score) VALUES (1, 1, 'item-a', 1.0)",
        """
        INSERT INTO ratings (rating_id, search_id, item_id, grade, cant_tell, annotator, created_at)
        VALUES (1, 1, 'item-a', 2, FALSE, 'ann', TIMESTAMP WITH TIME ZONE '2025-03-01 10:00:01Z')""",
        "INSERT INTO judgments (query, item_id, grade, source) VALUES ('жёлтый поезд', 'item-a', 3, 'ann')",
        """
        INSERT INTO q2e (normalized_query, item_id, predicted, impressions, clicks, updated_at)
        VALUES ('жёлтый поезд', 'item-a', 0.5, 4, 1, TIMESTAMP WITH TIME ZONE '2025-03-01 10:00:00Z')""",
        "INSERT INTO query_sets (set_id, name, created_at, origin) VALUES (1, 'trains', CURRENT_TIMESTAMP, 'typed')",
        "INSERT INTO query_set_queries (set_id, position, query) VALUES (1, 1, 'жёлтый поезд'), (1, 2, 'blue train')",
        """
        INSERT INTO reformulations (session_id, user_id, from_search_id, to_search_id, from_query, to_query, relation,
                                    gap_millis, to_succeeded, created_at)
        VALUES ('ses-1', 'alice', 1, 2, 'жёлтый поезд', 'blue train', 'overlap', 5000, FALSE,
                TIMESTAMP WITH TIME ZONE '2025-03-01 10:00:05Z')""",
    };

    @TempDir
    Path data;

    @Test
    void migrationCreatesEveryTableInAFreshFolder() throws SQLException {
        H2FeedbackStore.open(data).close();

        assertThat(data.resolve("feedback.mv.db")).exists();
        assertThat(tables()).contains("SEARCHES", "SEARCH_ARMS", "SHOWN_ITEMS", "ITEM_PROVENANCE", "CLICKS",
                "RATINGS", "SESSIONS", "Q2E", "ARM_REWARDS", "POLICY_SNAPSHOTS", "RANKER_STATE", "FEATURE_SETS", "ITEM_FEATURES",
                "QUERY_SETS", "QUERY_SET_QUERIES", "QUERY_SET_RUNS",
                "SEARCH_CLOSES", "SEARCH_PULLS",
                "flyway_schema_history");
        assertThat(appliedMigrations()).startsWith("1:TRUE").allMatch(m -> m.endsWith(":TRUE"));
    }

    @Test
    void reopeningAppliesNothingTwiceAndKeepsTheData() throws SQLException {
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            Fixtures.record(store, Fixtures.T0, "Blue Train");
        }
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            assertThat(store.searchLog().count()).isEqualTo(1);
        }
        H2FeedbackStore.open(data).close();

        assertThat(appliedMigrations()).startsWith("1:TRUE").allMatch(m -> m.endsWith(":TRUE"));
    }

    /** V8 moved the keys on query texts to digests of them: a folder written before keeps its rows and finds them. */
    @Test
    void aFolderWrittenBeforeTheQueryKeysKeepsItsRowsAndFindsThemByText() throws SQLException {
        Flyway.configure().dataSource(Schema.url(data), "sa", "").locations(Schema.MIGRATIONS).target("7").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(Schema.url(data), "sa", "")) {
            for (String sql : V7_ROWS) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.executeUpdate();
                }
            }
        }

        String q = "жёлтый поезд";
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            assertThat(store.logReader().ratingsOf(q)).extracting(LoggedRating::searchId).containsExactly("s-1");
            assertThat(store.judgments().ofQuery(q)).containsExactly(new Judgment(q, "item-a", 3, "ann"));
            assertThat(store.clickMemory().q2eLookup(q, 10)).extracting(Q2eEntry::itemId, Q2eEntry::impressions)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("item-a", 4L));
            store.clickMemory().q2eObserve(q, Map.of("item-a", 1L), Map.of());
            assertThat(store.clickMemory().q2eLookup(q, 10)).singleElement()
                    .satisfies(e -> assertThat(e.impressions()).isEqualTo(5));
            assertThat(store.querySets().find("trains").orElseThrow().queries()).containsExactly(q, "blue train");
            assertThat(store.reformulations().counts())
                    .containsExactly(new ReformulationCount(q, "blue train", false, 1));
        }
        assertThat(appliedMigrations()).hasSizeGreaterThanOrEqualTo(8).allMatch(m -> m.endsWith(":TRUE"));
    }

    private List<String> tables() throws SQLException {
        return query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'");
    }

    private List<String> appliedMigrations() throws SQLException {
        return query("SELECT \"version\" || ':' || \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(Schema.url(data), "sa", "");
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
