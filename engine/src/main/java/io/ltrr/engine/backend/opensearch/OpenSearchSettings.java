package io.ltrr.engine.backend.opensearch;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an OpenSearch catalog is and how to reach it. The password is held only here, read from an environment
 * variable or a file by the caller; {@link #toString()} never shows it.
 *
 * @param url             {@code http://host:9200} or {@code https://…} (no credentials in it)
 * @param index           the index name (an alias the workbench swaps to each newly built index)
 * @param user            the user for basic authentication, or "" for none
 * @param password        the password, or "" for none
 * @param requestTimeout  the longest any one request may take (searches, fetches); bulk requests get 6×
 * @param connectTimeout  the longest a connection may take to open
 * @param shards          primary shards of an index the workbench builds (more than one: searches use global
 *                        term statistics, {@code dfs_query_then_fetch}, so BM25 scores do not depend on the shard)
 */
public record OpenSearchSettings(String url, String index, String user, String password, Duration requestTimeout,
                                 Duration connectTimeout, int shards) {
    /** The index name when none is given. */
    public static final String DEFAULT_INDEX = "ltrr-catalog";
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9_\\-]{0,200}");

    public OpenSearchSettings {
        Objects.requireNonNull(url, "url");
        index = index == null || index.isBlank() ? DEFAULT_INDEX : index;
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        checkUrl(url);
        if (shards < 1) {
            throw new IllegalArgumentException("--opensearch-shards: expected at least 1, was " + shards);
        }
        if (!INDEX_NAME.matcher(index).matches()) {
            throw new IllegalArgumentException("--opensearch-index: '" + index + "' is not a valid index name "
                    + "(lower-case letters, digits, - and _, starting with a letter or digit)");
        }
    }

    public OpenSearchSettings(String url, String index, String user, String password) {
        this(url, index, user, password, Duration.ofSeconds(10), Duration.ofSeconds(3), 1);
    }

    /** The same cluster and credentials, another index (a test collection's, say). */
    public OpenSearchSettings withIndex(String name) {
        return new OpenSearchSettings(url, name, user, password, requestTimeout, connectTimeout, shards);
    }

    public OpenSearchSettings withTimeouts(Duration request, Duration connect) {
        return new OpenSearchSettings(url, index, user, password, request, connect, shards);
    }

    public OpenSearchSettings withShards(int n) {
        return new OpenSearchSettings(url, index, user, password, requestTimeout, connectTimeout, n);
    }

    /** The URL and index, for messages: never the password. */
    public String where() {
        return "OpenSearch index '" + index + "' at " + url;
    }

    @Override
    public String toString() {
        return "OpenSearchSettings[url=" + url + ", index=" + index + ", user=" + user
                + ", password=" + (password.isEmpty() ? "none" : "(set)") + "]";
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--opensearch-url: not a URL (expected http://host:9200)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("--opensearch-url: expected http:// or https://, was '"
                    + (scheme.isEmpty() ? "no scheme" : scheme) + "'");
        }
        // A host Java cannot parse as a server name (my_host) leaves the authority "registry-based", without user
        // info: the raw authority is where a user:password@ would still be, and later messages echo the URL.
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || authority != null && authority.contains("@")) {
            throw new IllegalArgumentException("--opensearch-url: credentials do not belong in the URL; give the user "
                    + "with --opensearch-user and the password in LTRR_OPENSEARCH_PASSWORD or --opensearch-password-file");
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
}
