package io.ltrr.engine.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a data folder's feedback store lives: {@code h2} (the folder's own {@code feedback.mv.db}, the default) or
 * {@code postgresql} (a database on a PostgreSQL server that a team's workbenches share). Remembered in the
 * folder's {@code store.json}. Holds where the password is ({@link #passwordFile}, or the environment variable
 * {@value #PASSWORD_ENV}), never the password itself.
 *
 * @param kind         {@code h2} or {@code postgresql}
 * @param url          the database as a JDBC URL, {@code jdbc:postgresql://host:port/database} ("" for h2)
 * @param user         the role to log in as ("" for h2)
 * @param passwordFile a file holding the password (its first line), or null: then {@value #PASSWORD_ENV}
 */
public record StoreChoice(String kind, String url, String user, Path passwordFile) {
    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";
    /** The environment variable read for the store's password when no password file is given. */
    public static final String PASSWORD_ENV = "LTRR_STORE_PASSWORD";
    private static final String JDBC_PREFIX = "jdbc:postgresql://";

    public StoreChoice {
        kind = kind == null ? H2 : kind.toLowerCase(Locale.ROOT).strip();
        if (!kind.equals(H2) && !kind.equals(POSTGRESQL)) {
            throw new IllegalArgumentException("--store: expected h2 or a PostgreSQL URL, was kind '" + kind + "'");
        }
        url = url == null ? "" : url.strip();
        user = user == null ? "" : user.strip();
        if (kind.equals(H2)) {
            if (!url.isEmpty() || !user.isEmpty() || passwordFile != null) {
                throw new IllegalArgumentException("--store h2 takes no URL, user or password file");
            }
        } else {
            url = normalise(url);
            if (user.isEmpty()) {
                throw new IllegalArgumentException("--store " + url + " needs --store-user (the role to log in as)");
            }
        }
    }

    /** The folder's own H2 database. */
    public static StoreChoice h2() {
        return new StoreChoice(H2, "", "", null);
    }

    /**
     * A PostgreSQL database.
     *
     * @param url {@code postgresql://host:port/db} or {@code jdbc:postgresql://host:port/db}
     */
    public static StoreChoice postgresql(String url, String user, Path passwordFile) {
        return new StoreChoice(POSTGRESQL, url, user, passwordFile);
    }

    /**
     * The choice a {@code --store} value names: {@code h2}, or a PostgreSQL URL with the given user (blank: the
     * operating system's user name, as {@code psql} does) and password file.
     */
    public static StoreChoice parse(String store, String user, Path passwordFile) {
        String s = store.strip();
        if (s.equalsIgnoreCase(H2)) {
            return h2();
        }
        String who = user == null || user.isBlank() ? System.getProperty("user.name", "") : user;
        return postgresql(s, who, passwordFile);
    }

    /**
     * A PostgreSQL URL as JDBC takes it: {@code postgresql://} and {@code postgres://} become
     * {@code jdbc:postgresql://}. Credentials in it (user info, or a password parameter) are refused without being
     * echoed.
     *
     * @throws IllegalArgumentException with a one-line message starting {@code --store: }
     */
    public static String normalise(String url) {
        String s = url == null ? "" : url.strip();
        String rest;
        if (s.regionMatches(true, 0, JDBC_PREFIX, 0, JDBC_PREFIX.length())) {
            rest = s.substring(JDBC_PREFIX.length());
        } else if (s.regionMatches(true, 0, "postgresql://", 0, "postgresql://".length())) {
            rest = s.substring("postgresql://".length());
        } else if (s.regionMatches(true, 0, "postgres://", 0, "postgres://".length())) {
            rest = s.substring("postgres://".length());
        } else {
            throw new IllegalArgumentException("--store: expected h2, postgresql://host:port/database or "
                    + JDBC_PREFIX + "host:port/database");
        }
        int slash = rest.indexOf('/');
        int query = rest.indexOf('?');
        String authority = slash < 0 ? (query < 0 ? rest : rest.substring(0, query)) : rest.substring(0, slash);
        String params = query < 0 ? "" : rest.substring(query + 1).toLowerCase(Locale.ROOT);
        if (authority.contains("@") || params.startsWith("password=") || params.contains("&password=")
                || params.startsWith("user=") || params.contains("&user=")) {
            throw new IllegalArgumentException("--store: credentials do not belong in the URL; give the user with "
                    + "--store-user and the password in " + PASSWORD_ENV + " or --store-password-file");
        }
        if (authority.isBlank()) {
            throw new IllegalArgumentException("--store: no host in the PostgreSQL URL");
        }
        String path = slash < 0 ? "" : (query < 0 ? rest.substring(slash + 1) : rest.substring(slash + 1, query));
        if (path.isBlank() || path.contains("/")) {
            throw new IllegalArgumentException("--store: name the database, as postgresql://" + authority
                    + "/DATABASE");
        }
        return JDBC_PREFIX + rest;
    }

    public boolean isPostgresql() {
        return kind.equals(POSTGRESQL);
    }

    /** The URL without its parameters. */
    public String where() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** For people: "h2" or "postgresql jdbc:postgresql://host:port/db as USER". */
    public String describe() {
        return isPostgresql() ? POSTGRESQL + " " + where() + " as " + user : H2;
    }

    /**
     * The password: the first line of {@link #passwordFile} when given, else {@value #PASSWORD_ENV}, else "".
     *
     * @throws IllegalArgumentException when the password file cannot be read (naming the file only)
     */
    public String password() {
        return FolderSettings.password(passwordFile, PASSWORD_ENV, "--store-password-file");
    }

    /**
     * The choice remembered in {@code file}, if any.
     *
     * @throws IllegalStateException when the file is damaged, naming it and the fix
     */
    public static Optional<StoreChoice> read(Path file) {
        return FolderSettings.read(file, m -> new StoreChoice(m.get("store"), m.get("url"), m.get("user"),
                FolderSettings.passwordFile(m)), "choose the store again with --store h2|postgresql://HOST:PORT/DB on "
                + "any command that opens the folder");
    }

    /** Writes this to {@code file} atomically (a temporary file forced to disk, then moved over the old one). */
    public void write(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("store", kind);
        m.put("url", url);
        m.put("user", user);
        m.put("password_file", FolderSettings.passwordFileEntry(passwordFile));
        FolderCatalog.writeAtomically(file, m);
    }

    @Override
    public String toString() {
        return "StoreChoice[" + describe() + "]";
    }
}
