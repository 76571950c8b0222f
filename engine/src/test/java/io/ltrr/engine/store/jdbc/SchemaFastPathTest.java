package io.ltrr.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.store.FeedbackStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up path that skips Flyway only when its history shows every bundled migration applied (issue 22). */
class SchemaFastPathTest {
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    @TempDir
    Path data;

    @Test
    void latestVersionIsTheHighestBundledMigrationInBothSets() throws Exception {
        assertThat(highestVersion("db/migration")).isEqualTo(Schema.LATEST_VERSION);
        assertThat(highestVersion("db/migration-postgresql")).isEqualTo(Schema.LATEST_VERSION);
    }

    @Test
    void aNewDatabaseHasNoHistoryAndIsNotUpToDate() throws SQLException {
        try (Connection c = DriverManager.getConnection(Schema.url(data), "sa", "")) {
            assertThat(Schema.upToDate(c)).isFalse();
        }
    }

    @Test
    void aDatabaseMigratedByTheStoreIsUpToDate() throws SQLException {
        H2FeedbackStore.open(data).close();
        try (Connection c = DriverManager.getConnection(Schema.url(data), "sa", "")) {
            assertThat(Schema.upToDate(c)).isTrue();
        }
    }

    @Test
    void anOlderSchemaIsNotUpToDateAndOpeningMigratesIt() throws SQLException {
        Flyway.configure().dataSource(Schema.url(data), "sa", "").locations(Schema.MIGRATIONS)
                .target(String.valueOf(Schema.LATEST_VERSION - 1)).load().migrate();
        try (Connection c = DriverManager.getConnection(Schema.url(data), "sa", "")) {
            assertThat(Schema.upToDate(c)).isFalse();
        }
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            assertThat(store.searchLog().count()).isZero();
        }
        try (Connection c = DriverManager.getConnection(Schema.url(data), "sa", "")) {
            assertThat(Schema.upToDate(c)).isTrue();
        }
    }

    @Test
    void aFailedOrUnknownMigrationInTheHistoryIsNotUpToDate() throws SQLException {
        H2FeedbackStore.open(data).close();
        try (Connection c = DriverManager.getConnection(Schema.url(data), "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '3'");
            assertThat(Schema.upToDate(c)).isFalse();
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = TRUE WHERE \"version\" = '3'");
            assertThat(Schema.upToDate(c)).isTrue();
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"version\" = '" + (Schema.LATEST_VERSION + 1)
                    + "' WHERE \"version\" = '" + Schema.LATEST_VERSION + "'");
            assertThat(Schema.upToDate(c)).isFalse();
        }
    }

    private static int highestVersion(String location) throws IOException, URISyntaxException {
        Path dir = Path.of(SchemaFastPathTest.class.getClassLoader().getResource(location).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> VERSION.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max().orElseThrow();
        }
    }
}
