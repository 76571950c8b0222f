package io.ltrr.app.cli;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.WorkbenchConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the catalog is searched, for the commands that search or index it. Without these options a command uses
 * the backend the data folder remembers ({@code backend.json}, written by {@code ltrr index}); {@code ltrr index}
 * with them builds the catalog there and makes it the folder's backend. The password never appears on the
 * command line: it is read from {@value BackendChoice#PASSWORD_ENV} or a password file.
 */
public final class BackendOptions {
    @Option(names = "--backend", paramLabel = "KIND", description = "Where the catalog is searched: embedded (the "
            + "data folder's own Lucene index, the default) or opensearch (a cluster: give --opensearch-url). "
            + "Default: what the data folder was last indexed into.")
    String backend;

    @Option(names = "--opensearch-url", paramLabel = "URL", description = "The OpenSearch cluster, e.g. "
            + "http://localhost:9200 or https://search.example:9200 (implies --backend opensearch).")
    String url;

    @Option(names = "--opensearch-index", paramLabel = "NAME", description = "The index (an alias the workbench "
            + "moves to each new build). Default: ltrr-catalog.")
    String index;

    @Option(names = "--opensearch-shards", paramLabel = "N", description = "Primary shards of the index "
            + "'ltrr index' builds (default 1; more for a large catalog: searches then use the whole index's term "
            + "statistics). See docs/scale-out.md.")
    Integer shards;

    @Option(names = "--opensearch-user", paramLabel = "USER", description = "User for basic authentication; the "
            + "password comes from $" + BackendChoice.PASSWORD_ENV + " or --opensearch-password-file.")
    String user;

    @Option(names = "--opensearch-password-file", paramLabel = "FILE", description = "A file whose first line is "
            + "the cluster password (read when connecting, never printed).")
    Path passwordFile;

    /** Whether any backend option was given. */
    boolean given() {
        return backend != null || url != null || index != null || user != null || passwordFile != null
                || shards != null;
    }

    /** The configuration with the backend these options name, or unchanged when none was given. */
    WorkbenchConfig apply(WorkbenchConfig config) {
        if (!given()) {
            return config;
        }
        BackendChoice remembered = config.backend();
        String kind = backend != null ? backend : url != null ? BackendChoice.OPENSEARCH : remembered.kind();
        if (BackendChoice.EMBEDDED.equalsIgnoreCase(kind.strip())) {
            if (url != null || index != null || user != null || passwordFile != null || shards != null) {
                throw new IllegalArgumentException("--opensearch-… options need --backend opensearch");
            }
            return config.withBackend(BackendChoice.embedded());
        }
        boolean sameCluster = !remembered.isEmbedded();
        return config.withBackend(new BackendChoice(kind,
                url != null ? url : sameCluster ? remembered.url() : null,
                index != null ? index : sameCluster ? remembered.index() : "",
                user != null ? user : sameCluster ? remembered.user() : "",
                passwordFile != null ? passwordFile : sameCluster ? remembered.passwordFile() : null,
                shards != null ? shards : sameCluster ? remembered.shards() : 1));
    }
}
