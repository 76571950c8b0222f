package io.ltrr.app.cli;

import io.ltrr.engine.store.pg.PostgresTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An empty database on the engine's shared PostgreSQL test server, owned by the team role (a plain role that logs
 * in with a password), and a file holding that password: what a team gives its workbenches. The CLI reaches it as
 * {@code --store postgresql://127.0.0.1:PORT/DB --store-user ltrr_team --store-password-file FILE}.
 *
 * @param url          {@code postgresql://127.0.0.1:PORT/DB}, as a user types it
 * @param database     the database's name
 * @param passwordFile the team role's password, one line
 */
record TeamDatabase(String url, String database, Path passwordFile) {
    private static final String ALTER_OWNER = "ALTER DATABASE %s OWNER TO " + PostgresTestServer.TEAM_ROLE;
    private static final String COUNT_SEARCHES = "SELECT COUNT(*) FROM searches";

    /** Creates the database on the shared server (started on first use) and the password file in {@code dir}. */
    static TeamDatabase create(Path dir) throws SQLException, IOException {
        PostgresTestServer server = PostgresTestServer.shared();
        String database = server.newDatabase();
        try (Connection c = server.connect("postgres");
             PreparedStatement ps = c.prepareStatement(ALTER_OWNER.formatted(database))) {
            ps.execute();
        }
        Path passwordFile = Files.writeString(dir.resolve(database + ".pw"), server.teamPassword() + "\n");
        return new TeamDatabase("postgresql://127.0.0.1:" + server.port() + "/" + database, database, passwordFile);
    }

    /** The team role's password (the tests check that no output carries it). */
    String password() {
        return PostgresTestServer.shared().teamPassword();
    }

    /** The store options that name this database. */
    String[] storeOptions() {
        return new String[] {"--store", url, "--store-user", PostgresTestServer.TEAM_ROLE, "--store-password-file",
                passwordFile.toString()};
    }

    /** The options of {@code ltrr store migrate} that name this database. */
    String[] migrateOptions() {
        return new String[] {"--to", url, "--store-user", PostgresTestServer.TEAM_ROLE, "--store-password-file",
                passwordFile.toString()};
    }

    /** The searches the database holds, counted by the server itself. */
    long searches() throws SQLException {
        try (Connection c = PostgresTestServer.shared().connect(database);
             PreparedStatement ps = c.prepareStatement(COUNT_SEARCHES);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
