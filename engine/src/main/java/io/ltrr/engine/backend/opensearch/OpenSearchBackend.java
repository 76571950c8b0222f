package io.ltrr.engine.backend.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.index.IndexFields;
import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.BackendException;
import io.ltrr.engine.retrieval.Bm25Strategy;
import io.ltrr.engine.retrieval.CatalogBackend;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.ExploreStrategy;
import io.ltrr.engine.retrieval.PopularityBm25Strategy;
import io.ltrr.engine.retrieval.QueryMemory;
import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.retrieval.StructuredStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The catalog in an OpenSearch index written by {@link OpenSearchIndexer}: items fetched by id in one request,
 * the arms as OpenSearch queries ({@link OpenSearchArms}), the rankers' field BM25 from a search restricted to
 * the round's candidates. Opening checks that the index exists, was written by the workbench, and has the
 * mapping this version writes.
 */
public final class OpenSearchBackend implements CatalogBackend {
    public static final String KIND = "opensearch";
    private static final int PAGE = 2_000;

    private final OpenSearchClient client;
    private final boolean ownsClient;
    private final Map<String, String> meta;
    private final Supplier<TextEmbedder> embedder;
    private final int minYear;
    private final int maxYear;
    /** With more than one shard, BM25 uses the whole index's term statistics (one more round trip per search). */
    private final String searchType;
    private volatile List<Item> all;

    private OpenSearchBackend(OpenSearchClient client, boolean ownsClient, Map<String, String> meta,
                              Supplier<TextEmbedder> embedder) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.meta = meta;
        this.embedder = embedder;
        int shards = client.get("/" + client.settings().index() + "/_settings").elements().next().path("settings")
                .path("index").path("number_of_shards").asInt(1);
        this.searchType = shards > 1 ? "?search_type=dfs_query_then_fetch" : "";
        ObjectNode body = OpenSearchClient.JSON.createObjectNode();
        body.put("size", 0);
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject("min_year").putObject("min").put("field", IndexFields.YEAR);
        aggs.putObject("max_year").putObject("max").put("field", IndexFields.YEAR);
        body.putObject("query").putObject("range").putObject(IndexFields.YEAR).put("gt", 0);
        JsonNode a = search(body).path("aggregations");
        this.minYear = (int) a.path("min_year").path("value").asDouble(0);
        this.maxYear = (int) a.path("max_year").path("value").asDouble(0);
    }

    /**
     * Opens the index the settings name, with a client of its own.
     *
     * @throws BackendException when unreachable, missing, not written by the workbench, or of another mapping
     */
    public static OpenSearchBackend open(OpenSearchSettings settings, Supplier<TextEmbedder> embedder) {
        OpenSearchClient client = new OpenSearchClient(settings);
        try {
            return new OpenSearchBackend(client, true, requireCurrent(client), embedder);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Opens the index over a client the caller keeps (and closes). */
    static OpenSearchBackend open(OpenSearchClient client, Supplier<TextEmbedder> embedder) {
        return new OpenSearchBackend(client, false, requireCurrent(client), embedder);
    }

    /**
     * Why the index cannot serve searches when building it would help (none yet, of another version, another
     * mapping); empty when it can serve them.
     *
     * @throws BackendException when the cluster cannot be asked (unreachable, timed out, credentials refused) or
     *                          the name is taken by an index the workbench did not write: indexing would not help
     */
    public static Optional<String> problem(OpenSearchSettings settings) {
        try (OpenSearchClient client = new OpenSearchClient(settings)) {
            requireCurrent(client);
            return Optional.empty();
        } catch (Stale e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The index is missing or was built by another version or mapping: (re)building it fixes that. */
    static final class Stale extends BackendException {
        private static final long serialVersionUID = 1L;

        Stale(String message) {
            super(message);
        }
    }

    private static Map<String, String> requireCurrent(OpenSearchClient client) {
        OpenSearchSettings s = client.settings();
        Map<String, String> meta = meta(client).orElseThrow(() -> new Stale("no index '" + s.index()
                + "' at " + s.url() + " (build it with: ltrr index --backend opensearch --opensearch-url " + s.url()
                + (s.index().equals(OpenSearchSettings.DEFAULT_INDEX) ? "" : " --opensearch-index " + s.index()) + ")"));
        if (!Integer.toString(OpenSearchMapping.VERSION).equals(meta.get(OpenSearchMapping.META_VERSION))) {
            throw new Stale("the index '" + s.index() + "' at " + s.url() + " was written by another "
                    + "version of the workbench (mapping " + meta.get(OpenSearchMapping.META_VERSION) + ", this one "
                    + "writes " + OpenSearchMapping.VERSION + "): rebuild it with: ltrr index --force");
        }
        checkFields(client, meta);
        return meta;
    }

    /**
     * The workbench's facts in the index's {@code _meta}, or empty when there is no such index.
     *
     * @throws BackendException when an index of that name exists but the workbench did not write it
     */
    static Optional<Map<String, String>> meta(OpenSearchClient client) {
        String name = client.settings().index();
        Optional<JsonNode> mapping = client.getIfExists("/" + name + "/_mapping");
        if (mapping.isEmpty() || !mapping.get().fieldNames().hasNext()) {
            return Optional.empty();
        }
        JsonNode first = mapping.get().elements().next().path("mappings");
        JsonNode m = first.path("_meta");
        if (!m.has(OpenSearchMapping.META_VERSION)) {
            throw new BackendException("the index '" + name + "' at " + client.settings().url() + " was not written "
                    + "by the workbench (its mapping has no ltrr _meta): choose another name with --opensearch-index");
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        out.put("__properties", first.path("properties").toString());
        return Optional.of(out);
    }

    /** Every field the arms query must have the type the workbench writes. */
    private static void checkFields(OpenSearchClient client, Map<String, String> meta) {
        JsonNode props;
        try {
            props = OpenSearchClient.JSON.readTree(meta.get("__properties"));
        } catch (java.io.IOException e) {
            throw new BackendException("cannot read the mapping of '" + client.settings().index() + "'", e);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(IndexFields.ID, "keyword");
        expected.put(IndexFields.TYPE, "keyword");
        for (String f : IndexFields.TEXT_FIELDS) {
            expected.put(f, "text");
        }
        for (String f : List.of(IndexFields.ARTIST_KEY, IndexFields.ALBUM_KEY, IndexFields.GENRE_KEY,
                IndexFields.STYLE_KEY)) {
            expected.put(f, "keyword");
        }
        expected.put(IndexFields.YEAR, "integer");
        expected.put(IndexFields.POPULARITY, "rank_feature");
        expected.put(OpenSearchMapping.POPULARITY_VALUE, "float");
        if (!meta.getOrDefault(OpenSearchMapping.META_EMBEDDING_MODEL, "").isEmpty()) {
            expected.put(IndexFields.VECTOR, "knn_vector");
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String actual = props.path(e.getKey()).path("type").asText("missing");
            if (!actual.equals(e.getValue())) {
                throw new Stale("the mapping of '" + client.settings().index() + "' at "
                        + client.settings().url() + " does not match what the workbench writes (field '" + e.getKey()
                        + "' is " + actual + ", expected " + e.getValue() + "): rebuild it with: ltrr index --force");
            }
        }
    }

    /** Whether the cluster has the k-NN plugin (on every node that answers). */
    static boolean hasKnnPlugin(OpenSearchClient client) {
        for (JsonNode p : client.get("/_cat/plugins?format=json")) {
            if ("opensearch-knn".equals(p.path("component").asText())) {
                return true;
            }
        }
        return false;
    }

    OpenSearchClient client() {
        return client;
    }

    int minYear() {
        return minYear;
    }

    int maxYear() {
        return maxYear;
    }

    /** A search on this index. */
    JsonNode search(ObjectNode body) {
        return client.send("POST", "/" + client.settings().index() + "/_search" + searchType, body);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String location() {
        return client.settings().where();
    }

    @Override
    public int size() {
        return client.get("/" + client.settings().index() + "/_count").path("count").asInt();
    }

    @Override
    public boolean hasVectors() {
        return !meta.getOrDefault(OpenSearchMapping.META_EMBEDDING_MODEL, "").isEmpty();
    }

    @Override
    public Optional<TextEmbedder> embedder() {
        return hasVectors() ? Optional.ofNullable(io.ltrr.engine.embed.Embedders.forModelId(
                meta.getOrDefault(OpenSearchMapping.META_EMBEDDING_MODEL, ""), embedder).get()) : Optional.empty();
    }

    @Override
    public Optional<Item> itemById(String id) {
        return Optional.ofNullable(items(List.of(id)).getFirst());
    }

    @Override
    public List<Item> items(List<String> ids) {
        List<Item> out = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return out;
        }
        ObjectNode body = OpenSearchClient.JSON.createObjectNode();
        ArrayNode idArray = body.putArray("ids");
        ids.forEach(idArray::add);
        JsonNode answer = client.send("POST", "/" + client.settings().index() + "/_mget?_source_includes="
                + OpenSearchMapping.ITEM, body);
        Map<String, Item> found = new HashMap<>();
        for (JsonNode doc : answer.path("docs")) {
            if (doc.path("found").asBoolean(false)) {
                found.put(doc.path("_id").asText(), OpenSearchMapping.item(doc.path("_source")));
            }
        }
        for (String id : ids) {
            out.add(found.get(id));
        }
        return out;
    }

    /**
     * Every item, read once (a page of {@value #PAGE} per request, in id order) and kept: the catalog behind an open
     * backend does not change, as an open embedded index does not.
     */
    @Override
    public List<Item> allItems() {
        List<Item> known = all;
        if (known == null) {
            known = List.copyOf(readAll());
            all = known;
        }
        return known;
    }

    private List<Item> readAll() {
        List<Item> out = new ArrayList<>();
        JsonNode after = null;
        while (true) {
            ObjectNode body = OpenSearchClient.JSON.createObjectNode();
            body.put("size", PAGE);
            body.putArray("_source").add(OpenSearchMapping.ITEM);
            body.putArray("sort").addObject().put(IndexFields.ID, "asc");
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = search(body).path("hits").path("hits");
            if (hits.isEmpty()) {
                return out;
            }
            for (JsonNode hit : hits) {
                out.add(OpenSearchMapping.item(hit.path("_source")));
                after = hit.path("sort");
            }
        }
    }

    @Override
    public IndexStats stats() {
        ObjectNode body = OpenSearchClient.JSON.createObjectNode();
        body.put("size", 0);
        body.put("track_total_hits", true);
        body.putObject("aggs").putObject("types").putObject("terms").put("field", IndexFields.TYPE).put("size", 50);
        JsonNode answer = search(body);
        Map<String, Integer> byType = new TreeMap<>();
        for (JsonNode b : answer.path("aggregations").path("types").path("buckets")) {
            byType.put(b.path("key").asText(), b.path("doc_count").asInt());
        }
        JsonNode store = client.get("/" + client.settings().index() + "/_stats/store").path("_all").path("primaries")
                .path("store");
        return new IndexStats(answer.path("hits").path("total").path("value").asInt(), byType,
                meta.getOrDefault(OpenSearchMapping.META_ANALYZER, ""),
                meta.getOrDefault(OpenSearchMapping.META_EMBEDDING_MODEL, ""),
                meta.getOrDefault(OpenSearchMapping.META_FINGERPRINT, ""), store.path("size_in_bytes").asLong(),
                meta.getOrDefault(OpenSearchMapping.META_BUILT_AT, ""));
    }

    @Override
    public double[] fieldBm25(String field, String text, List<String> ids) {
        double[] out = new double[ids.size()];
        if (ids.isEmpty() || text.isBlank()) {
            return out;
        }
        ObjectNode body = OpenSearchClient.JSON.createObjectNode();
        body.put("size", ids.size());
        body.put("_source", false);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putObject("must").putObject("match").put(field, text);
        ArrayNode values = bool.putObject("filter").putObject("ids").putArray("values");
        ids.forEach(values::add);
        Map<String, Double> scores = new HashMap<>();
        for (JsonNode hit : search(body).path("hits").path("hits")) {
            scores.put(hit.path("_id").asText(), hit.path("_score").asDouble());
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = scores.getOrDefault(ids.get(i), 0.0);
        }
        return out;
    }

    @Override
    public Map<String, RetrievalStrategy> arms(ArmSettings settings, CatalogTagger tagger, QueryMemory memory,
                                               QueryRewriter rewriter) {
        Map<String, RetrievalStrategy> arms = new LinkedHashMap<>();
        arms.put(Bm25Strategy.ID, OpenSearchArms.bm25(this, settings));
        arms.put(PopularityBm25Strategy.ID, OpenSearchArms.popularityBm25(this, settings));
        arms.put(StructuredStrategy.ID, OpenSearchArms.structured(this, tagger, settings));
        if (hasVectors()) {
            arms.put(DenseStrategy.ID, OpenSearchArms.dense(this));
        }
        arms.put(ExploreStrategy.ID, OpenSearchArms.explore(this));
        return ArmRegistry.complete(arms, memory, rewriter);
    }

    /** Ids of a search answer's hits with their scores, best first. */
    static List<Map.Entry<String, Double>> hits(JsonNode answer) {
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        Iterator<JsonNode> it = answer.path("hits").path("hits").elements();
        while (it.hasNext()) {
            JsonNode h = it.next();
            out.add(Map.entry(h.path("_id").asText(), h.path("_score").asDouble()));
        }
        return out;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
