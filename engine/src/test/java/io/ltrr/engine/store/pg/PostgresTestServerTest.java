package io.ltrr.engine.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The test harness starts a real PostgreSQL server, unprivileged, that the store's tests can rely on. */
class PostgresTestServerTest {
    private static final String VERSION = "SELECT version()";
    private static final String BACKEND = "SELECT pg_backend_pid(), current_user, current_database()";
    private static final String ROUND_TRIP = "SELECT ?::bigint + 1";

    @Test
    void sharedServerAnswersAsTheSuperuserFromAnUnprivilegedProcess() throws Exception {
        PostgresTestServer server = PostgresTestServer.shared();
        String database = server.newDatabase();

        try (Connection c = server.connect(database)) {
            assertThat(single(c, VERSION)).startsWith("PostgreSQL ");
            long backendPid;
            try (PreparedStatement ps = c.prepareStatement(BACKEND); ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                backendPid = rs.getLong(1);
                assertThat(rs.getString(2)).isEqualTo(PostgresTestServer.SUPERUSER);
                assertThat(rs.getString(3)).isEqualTo(database);
            }
            try (PreparedStatement ps = c.prepareStatement(ROUND_TRIP)) {
                ps.setLong(1, 41);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(42);
                }
            }
            long ownUid = realUid(Path.of("/proc/self/status"));
            for (long pid : new long[] {server.pid(), backendPid}) {
                long uid = realUid(Path.of("/proc", Long.toString(pid), "status"));
                if (ownUid == 0) {
                    assertThat(uid).as("uid of the PostgreSQL process %d", pid).isNotZero();
                } else {
                    assertThat(uid).as("uid of the PostgreSQL process %d", pid).isEqualTo(ownUid);
                }
            }
        }
        assertThat(server.newDatabase()).as("database names are unique").isNotEqualTo(database);
    }

    @Test
    void theTeamRoleLogsInWithItsPasswordOnly() throws Exception {
        PostgresTestServer server = PostgresTestServer.shared();
        String url = server.jdbcUrl("postgres");

        try (Connection c = DriverManager.getConnection(url,
                PostgresTestServer.credentials(PostgresTestServer.TEAM_ROLE, server.teamPassword()))) {
            assertThat(single(c, "SELECT current_user")).isEqualTo(PostgresTestServer.TEAM_ROLE);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url,
                PostgresTestServer.credentials(PostgresTestServer.TEAM_ROLE, server.teamPassword() + "x")).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        assertThatThrownBy(() -> DriverManager.getConnection(url,
                PostgresTestServer.credentials(PostgresTestServer.TEAM_ROLE, null)).close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void closingStopsTheServerAndLeavesNothingBehind() throws Exception {
        PostgresTestServer server = PostgresTestServer.start();
        Path folder = server.folder();
        int port = server.port();
        ProcessHandle postmaster = ProcessHandle.of(server.pid()).orElseThrow();
        long children;
        try (Connection c = server.connect("postgres")) {
            assertThat(single(c, VERSION)).startsWith("PostgreSQL ");
            children = postmaster.descendants().count();
            assertThat(children).as("PostgreSQL's background processes").isPositive();
            // An open session does not hold the shutdown up: close() is a fast shutdown.
            server.close();
        }

        assertThat(postmaster.isAlive()).isFalse();
        assertThat(Files.exists(folder)).isFalse();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).isInstanceOf(IOException.class);
        server.close();
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static long realUid(Path status) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("Uid:")) {
                return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("No Uid line in " + status);
    }
}
