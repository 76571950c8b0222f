package io.ltrr.engine.backend.opensearch;

import java.time.Duration;
import java.util.Objects;

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
    public OpenSearchSettings {
        Objects.requireNonNull(url, "url");
        index = index == null || index.isBlank() ? DEFAULT_INDEX : index;
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        io.ltrr.engine.api.BackendChoice.checkUrl(url);
        if (shards < 1) {
            throw new IllegalArgumentException("--opensearch-shards: expected at least 1, was " + shards);
        }
        io.ltrr.engine.api.BackendChoice.checkIndexName(index);
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
}
