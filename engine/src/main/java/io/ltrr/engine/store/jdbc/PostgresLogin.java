package io.ltrr.engine.store.jdbc;

import java.util.Objects;
import java.util.Properties;

/**
 * Where and as whom a PostgreSQL feedback store is opened. The password is only handed to the driver and to
 * Flyway; {@link #toString()} and every message name the server by {@link #where()} and the user, never by it.
 *
 * @param url      a JDBC URL, {@code jdbc:postgresql://host:port/database}
 * @param user     the role to log in as
 * @param password its password (empty for a trusted login)
 */
record PostgresLogin(String url, String user, String password) {
    static final String URL_PREFIX = "jdbc:postgresql:";

    PostgresLogin {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException("url must be a PostgreSQL JDBC URL (" + URL_PREFIX
                    + "//host:port/database), was '" + withoutParameters(url) + "'");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        Objects.requireNonNull(password, "password");
    }

    /** The URL without its parameters (which could carry a password). */
    String where() {
        return withoutParameters(url);
    }

    /** Seconds to wait for the server when connecting. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    /**
     * The driver's connection properties: the user, the password, a bounded wait for the server, keep-alive probes
     * (a dead server is noticed rather than waited for), and the application name the server's views show.
     */
    Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "ltrr-workbench");
        return p;
    }

    private static String withoutParameters(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return "PostgresLogin[" + where() + " as " + user + "]";
    }
}
