package io.ltrr.engine.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which retrieval backend a data folder's catalog lives in: {@code embedded} (the folder's own Lucene index, the
 * default) or {@code opensearch} (an index in an OpenSearch cluster). Remembered in the folder's
 * {@code backend.json}. Holds where the password is ({@link #passwordFile}, or the environment variable
 * {@value #PASSWORD_ENV}), never the password itself.
 *
 * @param kind         {@code embedded} or {@code opensearch}
 * @param url          the cluster's URL ("" for embedded)
 * @param index        the index name ("" for the default, {@code ltrr-catalog})
 * @param user         the user for basic authentication ("" for none)
 * @param passwordFile a file holding the password (its first line), or null: then {@value #PASSWORD_ENV}
 * @param shards       primary shards of an index the workbench builds in a cluster (1: BM25 statistics of the whole
 *                     catalog in one shard; more spread a large catalog, searched with global statistics)
 */
public record BackendChoice(String kind, String url, String index, String user, Path passwordFile, int shards) {
    public static final String EMBEDDED = "embedded";
    public static final String OPENSEARCH = "opensearch";
    /** The environment variable read for the cluster's password when no password file is given. */
    public static final String PASSWORD_ENV = "LTRR_OPENSEARCH_PASSWORD";
    private static final java.util.regex.Pattern INDEX_NAME =
            java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_\\-]{0,200}");

    public BackendChoice {
        kind = kind == null ? EMBEDDED : kind.toLowerCase(Locale.ROOT).strip();
        if (!kind.equals(EMBEDDED) && !kind.equals(OPENSEARCH)) {
            throw new IllegalArgumentException("--backend: expected embedded or opensearch, was '" + kind + "'");
        }
        url = url == null ? "" : url.strip();
        index = index == null ? "" : index.strip();
        user = user == null ? "" : user.strip();
        if (kind.equals(OPENSEARCH) && url.isEmpty()) {
            throw new IllegalArgumentException("--backend opensearch needs --opensearch-url (e.g. http://localhost:9200)");
        }
        if (shards < 1 || shards > 1024) {
            throw new IllegalArgumentException("--opensearch-shards: expected 1 to 1024, was " + shards);
        }
        if (kind.equals(OPENSEARCH)) {
            checkUrl(url);
            if (!index.isEmpty()) {
                checkIndexName(index);
            }
        }
    }

    /**
     * Checks a cluster URL: http or https, a host, no path, and no credentials (refused without echoing them).
     *
     * @throws IllegalArgumentException with a one-line message starting {@code --opensearch-url: }
     */
    public static void checkUrl(String url) {
        if (hasUserInfo(url)) {
            throw new IllegalArgumentException("--opensearch-url: credentials do not belong in the URL; give the user "
                    + "with --opensearch-user and the password in " + PASSWORD_ENV + " or --opensearch-password-file");
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--opensearch-url: not a URL (expected http://host:9200)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("--opensearch-url: expected http:// or https://, was '"
                    + (scheme.isEmpty() ? "no scheme" : scheme) + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("--opensearch-url: no host in '" + url + "'");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("--opensearch-url: give the cluster's address only (no path), was '"
                    + url + "'");
        }
    }

    /**
     * Checks an index name as OpenSearch accepts it for the workbench's indexes.
     *
     * @throws IllegalArgumentException with a one-line message starting {@code --opensearch-index: }
     */
    public static void checkIndexName(String name) {
        if (!INDEX_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--opensearch-index: '" + name + "' is not a valid index name "
                    + "(lower-case letters, digits, - and _, starting with a letter or digit)");
        }
    }

    /** Whether the URL's authority carries {@code user[:password]@} (checked as text: a URL need not parse). */
    private static boolean hasUserInfo(String url) {
        int scheme = url.indexOf("://");
        String rest = scheme < 0 ? url : url.substring(scheme + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return rest.substring(0, end).contains("@");
    }

    /** One primary shard. */
    public BackendChoice(String kind, String url, String index, String user, Path passwordFile) {
        this(kind, url, index, user, passwordFile, 1);
    }

    public static BackendChoice embedded() {
        return new BackendChoice(EMBEDDED, "", "", "", null);
    }

    /** The same cluster and index, built with this many primary shards. */
    public BackendChoice withShards(int n) {
        return new BackendChoice(kind, url, index, user, passwordFile, n);
    }

    public static BackendChoice opensearch(String url, String index, String user, Path passwordFile) {
        return new BackendChoice(OPENSEARCH, url, index, user, passwordFile);
    }

    public boolean isEmbedded() {
        return kind.equals(EMBEDDED);
    }

    /** For people: "embedded" or "opensearch http://…/INDEX". */
    public String describe() {
        return isEmbedded() ? EMBEDDED : OPENSEARCH + " " + url + " index " + (index.isEmpty() ? "ltrr-catalog" : index);
    }

    /**
     * The password: the first line of {@link #passwordFile} when given, else {@value #PASSWORD_ENV}, else "".
     *
     * @throws IllegalArgumentException when the password file cannot be read (naming the file only)
     */
    public String password() {
        return FolderSettings.password(passwordFile, PASSWORD_ENV, "--opensearch-password-file");
    }

    /**
     * The choice remembered in {@code file}, if any.
     *
     * @throws IllegalStateException when the file is damaged, naming it and the fix
     */
    public static Optional<BackendChoice> read(Path file) {
        return FolderSettings.read(file, m -> {
            String shards = m.getOrDefault("shards", "1");
            return new BackendChoice(m.get("backend"), m.get("url"), m.get("index"), m.get("user"),
                    FolderSettings.passwordFile(m),
                    Integer.parseInt(shards == null || shards.isEmpty() ? "1" : shards));
        }, "choose the backend again with: ltrr index --backend embedded|opensearch …, which rewrites it");
    }

    /** Writes this to {@code file} atomically (a temporary file forced to disk, then moved over the old one). */
    public void write(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("backend", kind);
        m.put("url", url);
        m.put("index", index);
        m.put("user", user);
        m.put("password_file", FolderSettings.passwordFileEntry(passwordFile));
        m.put("shards", Integer.toString(shards));
        FolderCatalog.writeAtomically(file, m);
    }

    @Override
    public String toString() {
        return "BackendChoice[" + describe() + (user.isEmpty() ? "" : ", user " + user) + "]";
    }

    /** Two choices name the same catalog location (the password's source aside). */
    public boolean sameLocation(BackendChoice other) {
        return Objects.equals(kind, other.kind) && Objects.equals(url, other.url) && Objects.equals(index, other.index);
    }
}
