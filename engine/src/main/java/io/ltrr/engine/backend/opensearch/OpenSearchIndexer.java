package io.ltrr.engine.backend.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.index.IndexFingerprint;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.index.ItemDocuments;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.BackendException;
import io.ltrr.engine.retrieval.Bm25Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Writes a catalog into OpenSearch. The index name the workbench searches is an alias: each build goes into a new
 * index ({@code NAME-yyyyMMddHHmmssSSS}) and the alias moves to it in one atomic request when it is complete, so
 * a cancelled or failed build never leaves a half-built index where a good one was. Items go in bulk requests of
 * {@value #BATCH} (retried with back-off on 429 and 5xx, per request and per refused document), with progress. The
 * fingerprint of the catalog, the index settings, the embedding model and the BM25 parameters is kept in the
 * mapping's {@code _meta}: an unchanged catalog is not indexed again.
 */
public final class OpenSearchIndexer {
    static final int BATCH = 256;
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final OpenSearchClient client;
    private final Supplier<TextEmbedder> embedder;

    public OpenSearchIndexer(OpenSearchClient client, Supplier<TextEmbedder> embedder) {
        this.client = client;
        this.embedder = embedder;
    }

    /**
     * The outcome of {@link #ensure}.
     *
     * @param reason why it was (re)built, "up to date" when it was not; says when vectors were left out
     */
    public record Ensured(IndexStats stats, boolean rebuilt, String reason) {
    }

    /**
     * Builds the index unless the one the alias names was built from the same items with the same settings.
     *
     * @throws BackendException when the name is taken by an index the workbench did not write, or the cluster fails
     * @throws CancellationException when cancelled; the previous index stays as it was
     */
    public Ensured ensure(List<Item> items, IndexSettings settings, Bm25Config bm25, boolean force,
                          ProgressListener progress, CancellationToken cancel) {
        String name = client.settings().index();
        boolean knn = OpenSearchBackend.hasKnnPlugin(client);
        boolean vectors = settings.embeddings() && knn;
        TextEmbedder model = vectors ? embedder.get() : null;
        String fingerprint = fingerprint(items, settings.withEmbeddings(vectors), bm25, model);
        String note = settings.embeddings() && !knn
                ? "; the cluster has no k-NN plugin: indexed without vectors, so the dense arm is unavailable" : "";
        Optional<Map<String, String>> meta = OpenSearchBackend.meta(client);
        String why;
        if (force) {
            why = "rebuild asked for";
        } else if (meta.isEmpty()) {
            why = "no index yet";
        } else if (!fingerprint.equals(meta.get().get(OpenSearchMapping.META_FINGERPRINT))) {
            why = "the catalog or the index settings changed";
        } else {
            try (OpenSearchBackend open = OpenSearchBackend.open(client, () -> null)) {
                return new Ensured(open.stats(), false, "up to date" + note);
            }
        }
        build(items, settings.analyzer(), bm25, model, fingerprint, progress, cancel);
        try (OpenSearchBackend open = OpenSearchBackend.open(client, () -> null)) {
            return new Ensured(open.stats(), true, why + note);
        }
    }

    /** The fingerprint kept in {@code _meta}: the embedded index's, plus this mapping's version and BM25. */
    static String fingerprint(List<Item> items, IndexSettings settings, Bm25Config bm25, TextEmbedder model) {
        String base = IndexFingerprint.of(items, settings, model == null ? "" : model.modelId());
        String all = base + "\nopensearch-mapping=" + OpenSearchMapping.VERSION + "\nk1=" + bm25.k1() + "\nb=" + bm25.b();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(all.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private void build(List<Item> items, io.ltrr.engine.index.AnalyzerKind analyzer, Bm25Config bm25,
                       TextEmbedder model, String fingerprint, ProgressListener progress, CancellationToken cancel) {
        String alias = client.settings().index();
        String concrete = alias + "-" + SUFFIX.format(Instant.now());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(OpenSearchMapping.META_FINGERPRINT, fingerprint);
        meta.put(OpenSearchMapping.META_VERSION, Integer.toString(OpenSearchMapping.VERSION));
        meta.put(OpenSearchMapping.META_ANALYZER, analyzer.key());
        meta.put(OpenSearchMapping.META_EMBEDDING_MODEL, model == null ? "" : model.modelId());
        meta.put(OpenSearchMapping.META_ITEMS, Integer.toString(items.size()));
        meta.put(OpenSearchMapping.META_BUILT_AT, Instant.now().toString());
        meta.put(OpenSearchMapping.META_K1, Double.toString(bm25.k1()));
        meta.put(OpenSearchMapping.META_B, Double.toString(bm25.b()));
        List<String> previous = holders(alias);
        client.send("PUT", "/" + concrete, OpenSearchMapping.body(analyzer, bm25,
                model == null ? 0 : model.dimension(), client.settings().shards(), meta));
        boolean swapped = false;
        try {
            String phase = model == null ? "indexing into OpenSearch" : "embedding + indexing into OpenSearch";
            progress.progress(phase, 0, items.size());
            for (int from = 0; from < items.size(); from += BATCH) {
                cancel.throwIfCancelled();
                List<Item> batch = items.subList(from, Math.min(items.size(), from + BATCH));
                List<float[]> vectors = model == null ? null : model.embedAll(batch.stream()
                        .map(ItemDocuments::embeddingText).toList());
                List<String> lines = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    lines.add(action(concrete, batch.get(i).id()) + "\n"
                            + json(OpenSearchMapping.document(batch.get(i), vectors == null ? null : vectors.get(i)))
                            + "\n");
                }
                send(lines);
                progress.progress(phase, from + batch.size(), items.size());
            }
            cancel.throwIfCancelled();
            progress.progress("refreshing", items.size(), items.size());
            ObjectNode refresh = OpenSearchClient.JSON.createObjectNode();
            refresh.putObject("index").put("refresh_interval", "1s");
            client.send("PUT", "/" + concrete + "/_settings", refresh);
            client.send("POST", "/" + concrete + "/_refresh", null);
            swap(alias, concrete, previous);
            swapped = true;
        } finally {
            if (!swapped) {
                deleteQuietly(concrete);
            }
        }
    }

    /** Sends the documents, again and again with back-off for the ones the cluster refused for load (429). */
    private void send(List<String> lines) {
        List<String> pending = lines;
        long backoff = 100;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            JsonNode answer = client.bulk(String.join("", pending));
            if (!answer.path("errors").asBoolean(false)) {
                return;
            }
            List<String> retry = new ArrayList<>();
            Iterator<JsonNode> results = answer.path("items").elements();
            for (int i = 0; results.hasNext(); i++) {
                JsonNode r = results.next().path("index");
                int status = r.path("status").asInt(200);
                if (status == 429 || status >= 500) {
                    retry.add(pending.get(i));
                } else if (status >= 300) {
                    throw new BackendException("OpenSearch refused item " + r.path("_id").asText() + ": "
                            + OpenSearchClient.oneLine(r.path("error").path("reason").asText("HTTP " + status)));
                }
            }
            if (attempt >= OpenSearchClient.ATTEMPTS && !retry.isEmpty()) {
                throw new BackendException(client.settings().url() + " kept refusing " + retry.size()
                        + " documents for load (HTTP 429): the cluster is overloaded; try again later");
            }
            if (!retry.isEmpty()) {
                OpenSearchClient.sleep(backoff);
                backoff = Math.min(5_000, backoff * 2);
            }
            pending = retry;
        }
    }

    /** The concrete indexes the name stands for now: the alias's indexes, or the name itself when it is an index. */
    private List<String> holders(String alias) {
        List<String> out = new ArrayList<>();
        client.getIfExists("/_alias/" + alias).ifPresent(a -> a.fieldNames().forEachRemaining(out::add));
        if (out.isEmpty() && client.exists(alias)) {
            out.add(alias);
        }
        return out;
    }

    /** Points the alias at the new index and drops the old ones, in one atomic request. */
    private void swap(String alias, String concrete, List<String> previous) {
        ObjectNode body = OpenSearchClient.JSON.createObjectNode();
        ArrayNode actions = body.putArray("actions");
        for (String old : previous) {
            actions.addObject().putObject("remove_index").put("index", old);
        }
        ObjectNode add = actions.addObject().putObject("add");
        add.put("index", concrete);
        add.put("alias", alias);
        client.send("POST", "/_aliases", body);
    }

    private void deleteQuietly(String concrete) {
        try {
            client.send("DELETE", "/" + concrete, null);
        } catch (BackendException ignored) {
            // the first failure is the one reported; an orphan build index is named NAME-timestamp
        }
    }

    private static String action(String index, String id) {
        ObjectNode a = OpenSearchClient.JSON.createObjectNode();
        ObjectNode meta = a.putObject("index");
        meta.put("_index", index);
        meta.put("_id", id);
        return json(a);
    }

    private static String json(JsonNode node) {
        try {
            return OpenSearchClient.JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
