package io.ltrr.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.FeedbackStoreException;
import io.ltrr.engine.store.pg.PostgresTestServer;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's roles on a PostgreSQL database (a fresh one per test, owned by the team's password role, with the
 * linguistic default collation most servers' databases have, not the test cluster's C), and what only PostgreSQL
 * has: a login that can fail, a server that can be down, times kept to the microsecond.
 */
class PostgresFeedbackStoreContractTest extends FeedbackStoreContract {
    private static final String ALTER_OWNER = "ALTER DATABASE %s OWNER TO " + PostgresTestServer.TEAM_ROLE;

    private PostgresTestServer server;
    private String database;

    @BeforeEach
    void createDatabase() throws SQLException {
        server = PostgresTestServer.shared();
        database = server.newLinguisticDatabase();
        try (Connection c = server.connect("postgres");
             PreparedStatement ps = c.prepareStatement(ALTER_OWNER.formatted(database))) {
            ps.execute();
        }
    }

    @Override
    FeedbackStore open(Clock clock) {
        return PostgresFeedbackStore.open(server.jdbcUrl(database), PostgresTestServer.TEAM_ROLE,
                server.teamPassword(), FeedbackStoreConfig.defaults(), clock, UnaryOperator.identity());
    }

    @Test
    void timesAreTruncatedToMicrosecondsNotRounded() {
        try (FeedbackStore store = open()) {
            String id = store.searchLog().newSearchId();
            store.searchLog().recordImpression(Fixtures.impression(id, Instant.parse("2025-03-01T10:15:30.123456999Z"),
                    "blue train"));
            assertThat(store.searchLog().impression(id).orElseThrow().timestamp())
                    .isEqualTo(Instant.parse("2025-03-01T10:15:30.123456Z"));
        }
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePassword() {
        String wrong = "not-the-password-42";
        assertThatThrownBy(() -> PostgresFeedbackStore.open(server.jdbcUrl(database), PostgresTestServer.TEAM_ROLE,
                wrong, FeedbackStoreConfig.defaults()))
                .isInstanceOf(FeedbackStoreException.class)
                .hasMessageContaining("wrong user name or password")
                .hasMessageContaining(PostgresTestServer.TEAM_ROLE)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain("\n");
                    assertThat(e.toString()).doesNotContain(wrong);
                });
    }

    @Test
    void aMissingDatabaseIsNamed() {
        assertThatThrownBy(() -> PostgresFeedbackStore.open(server.jdbcUrl("no_such_db"),
                PostgresTestServer.TEAM_ROLE, server.teamPassword(), FeedbackStoreConfig.defaults()))
                .isInstanceOf(FeedbackStoreException.class)
                .hasMessageContaining("no database")
                .hasMessageContaining("no_such_db")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(server.teamPassword()));
    }

    @Test
    void aServerThatIsDownIsSaidSo() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        assertThatThrownBy(() -> PostgresFeedbackStore.open(url, PostgresTestServer.TEAM_ROLE, server.teamPassword(),
                FeedbackStoreConfig.defaults()))
                .isInstanceOf(FeedbackStoreException.class)
                .hasMessageContaining("not reachable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(server.teamPassword()).doesNotContain("\n"));
    }

    @Test
    void aStoreMigratedByANewerWorkbenchIsRefusedAndLeftAlone() throws SQLException {
        open().close();
        try (Connection c = server.connect(database);
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                         installed_by, execution_time, success)
                     VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'ltrr', 0, TRUE)""")) {
            ps.execute();
        }
        assertThatThrownBy(this::open)
                .isInstanceOf(FeedbackStoreException.class)
                .hasMessageContaining("newer workbench")
                .hasMessageContaining("schema version 99");
    }
}
