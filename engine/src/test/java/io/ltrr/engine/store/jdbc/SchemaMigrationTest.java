package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackStore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {
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
