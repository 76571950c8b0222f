package io.ltrr.engine.backend.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.index.IndexFields;
import io.ltrr.engine.index.Keywords;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.qu.Slot;
import io.ltrr.engine.qu.SlotType;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.Bm25Config;
import io.ltrr.engine.retrieval.Bm25Strategy;
import io.ltrr.engine.retrieval.CacheStats;
import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.ExploreDraw;
import io.ltrr.engine.retrieval.ExploreStrategy;
import io.ltrr.engine.retrieval.PopularityBm25Strategy;
import io.ltrr.engine.retrieval.InterpretationMerge;
import io.ltrr.engine.retrieval.PopularityConfig;
import io.ltrr.engine.retrieval.ResultCache;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.retrieval.ScoreExplanation;
import io.ltrr.engine.retrieval.StructuredStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The arms as OpenSearch queries, each the counterpart of an embedded arm with the same id and the same scoring:
 * {@code bm25} a bool of per-field {@code match} queries with the fields' boosts (the sum the embedded
 * bag-of-words query makes), {@code bm25-pop} that plus a {@code rank_feature} saturation boost, {@code structured}
 * one bool query per interpretation (filters on keywords and the year range, title words, free words, popularity)
 * merged by likelihood as the embedded arm merges them, {@code dense} a {@code knn} query, {@code explore} a
 * seeded weighted draw (Efraimidis–Spirakis keys {@code u^(1/w)} from a painless script whose {@code u} is a hash
 * of the item id and the round's seed). Explanations come from OpenSearch's explain API.
 */
final class OpenSearchArms {
    private static final Map<String, Float> FREE_FIELDS = new LinkedHashMap<>();

    static {
        FREE_FIELDS.put(IndexFields.TITLE, 2f);
        FREE_FIELDS.put(IndexFields.ALL, 1f);
    }

    private OpenSearchArms() {
    }

    static RetrievalStrategy bm25(OpenSearchBackend backend, ArmSettings settings) {
        Bm25Config c = settings.bm25();
        return new QueryArm(backend, Bm25Strategy.ID, "lexical BM25 (k1=" + c.k1() + ", b=" + c.b() + ") over "
                + c.fields() + " in OpenSearch", settings.cacheEntries(), true,
                (request, k) -> lexical(c.fields(), request.lexicalText()));
    }

    static RetrievalStrategy popularityBm25(OpenSearchBackend backend, ArmSettings settings) {
        Bm25Config c = settings.bm25();
        PopularityConfig p = settings.popularity();
        return new QueryArm(backend, PopularityBm25Strategy.ID, "BM25 + popularity (rank_feature saturation, weight "
                + p.weight() + ", pivot " + p.pivot() + ") in OpenSearch", settings.cacheEntries(), true,
                (request, k) -> {
                    ObjectNode lexical = lexical(c.fields(), request.lexicalText());
                    ObjectNode q = obj();
                    ObjectNode bool = q.putObject("bool");
                    bool.putArray("must").add(lexical);
                    bool.putArray("should").add(popularity(p.weight(), p.pivot()));
                    return q;
                });
    }

    static RetrievalStrategy dense(OpenSearchBackend backend) {
        return new QueryArm(backend, DenseStrategy.ID, "dense vectors (sentence embeddings, OpenSearch k-NN, HNSW)",
                0, false, (request, k) -> {
                    if (request.query().isBlank()) {
                        return null;
                    }
                    float[] v = backend.embedder().orElseThrow(() -> new IllegalStateException(
                            "the dense arm needs a query embedder")).embedQuery(request.query());
                    ObjectNode q = obj();
                    ObjectNode field = q.putObject("knn").putObject(IndexFields.VECTOR);
                    ArrayNode vector = field.putArray("vector");
                    for (float x : v) {
                        vector.add(x);
                    }
                    field.put("k", Math.max(1, k));
                    return q;
                });
    }

    static RetrievalStrategy structured(OpenSearchBackend backend, CatalogTagger tagger, ArmSettings settings) {
        return new Structured(backend, tagger, settings.cacheEntries());
    }

    static RetrievalStrategy explore(OpenSearchBackend backend) {
        return new Explore(backend);
    }

    /** The sum over fields of each field's BM25 of the text, times its boost; null when the text is blank. */
    static ObjectNode lexical(Map<String, Float> fields, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ObjectNode q = obj();
        ArrayNode should = q.putObject("bool").putArray("should");
        for (Map.Entry<String, Float> f : fields.entrySet()) {
            ObjectNode match = should.addObject().putObject("match").putObject(f.getKey());
            match.put("query", text);
            match.put("boost", f.getValue());
        }
        return q;
    }

    static ObjectNode popularity(float weight, float pivot) {
        ObjectNode q = obj();
        ObjectNode rf = q.putObject("rank_feature");
        rf.put("field", IndexFields.POPULARITY);
        rf.putObject("saturation").put("pivot", pivot);
        rf.put("boost", weight);
        return q;
    }

    static ObjectNode obj() {
        return OpenSearchClient.JSON.createObjectNode();
    }

    /** Runs one query for the top k, ids and scores. */
    static List<Candidate> topK(OpenSearchBackend backend, ObjectNode query, int k) {
        ObjectNode body = obj();
        body.put("size", k);
        body.put("_source", false);
        body.set("query", query);
        List<Candidate> out = new ArrayList<>();
        int rank = 1;
        for (Map.Entry<String, Double> hit : OpenSearchBackend.hits(backend.search(body))) {
            out.add(new Candidate(hit.getKey(), rank++, hit.getValue()));
        }
        return out;
    }

    /** OpenSearch's explanation of the query's score for the item; null when the item does not match. */
    static ScoreExplanation explain(OpenSearchBackend backend, ObjectNode query, String itemId) {
        ObjectNode body = obj();
        body.set("query", query);
        JsonNode answer;
        try {
            answer = backend.client().send("POST", "/" + backend.client().settings().index() + "/_explain/"
                    + java.net.URLEncoder.encode(itemId, java.nio.charset.StandardCharsets.UTF_8), body);
        } catch (OpenSearchClient.NotFound e) {
            return null;
        }
        if (!answer.path("matched").asBoolean(false)) {
            return null;
        }
        return convert(answer.path("explanation"));
    }

    private static ScoreExplanation convert(JsonNode e) {
        List<ScoreExplanation> details = new ArrayList<>();
        for (JsonNode d : e.path("details")) {
            details.add(convert(d));
        }
        return new ScoreExplanation(e.path("value").asDouble(), e.path("description").asText(), details);
    }

    /** An arm that is one OpenSearch query. */
    static final class QueryArm implements RetrievalStrategy {
        private final OpenSearchBackend backend;
        private final String id;
        private final String description;
        private final boolean exact;
        private final ResultCache results;
        private final BiFunction<RetrievalRequest, Integer, ObjectNode> query;

        QueryArm(OpenSearchBackend backend, String id, String description, int cacheEntries, boolean exact,
                 BiFunction<RetrievalRequest, Integer, ObjectNode> query) {
            this.backend = backend;
            this.id = id;
            this.description = description;
            this.exact = exact;
            this.results = new ResultCache(exact ? cacheEntries : 0);
            this.query = query;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public CandidateList retrieve(RetrievalRequest request, int k) {
            if (k <= 0) {
                return CandidateList.empty(id, "k=0");
            }
            ObjectNode q = query.apply(request, k);
            if (q == null) {
                return CandidateList.empty(id, "no searchable term");
            }
            String note = id.equals(DenseStrategy.ID) ? "kNN in OpenSearch" : "OpenSearch: " + request.lexicalText();
            return exact ? results.topK(q.toString(), k, depth -> new CandidateList(id, topK(backend,
                    query.apply(request, depth), depth), note))
                    : new CandidateList(id, topK(backend, q, k), note);
        }

        @Override
        public ScoreExplanation explain(RetrievalRequest request, String itemId) {
            ObjectNode q = query.apply(request, 100);
            ScoreExplanation e = q == null ? null : OpenSearchArms.explain(backend, q, itemId);
            return e != null ? e : ScoreExplanation.leaf(0, id + ": not retrieved");
        }

        @Override
        public CacheStats resultCacheStats() {
            return results.stats();
        }
    }

    /** {@code structured}: as {@link StructuredStrategy}, each interpretation an OpenSearch bool query. */
    static final class Structured implements RetrievalStrategy {
        private final OpenSearchBackend backend;
        private final CatalogTagger tagger;
        private final ResultCache results;

        Structured(OpenSearchBackend backend, CatalogTagger tagger, int cacheEntries) {
            this.backend = backend;
            this.tagger = tagger;
            this.results = new ResultCache(cacheEntries);
        }

        @Override
        public String id() {
            return StructuredStrategy.ID;
        }

        @Override
        public String description() {
            return "query understanding + structured search in OpenSearch, interpretations merged by likelihood";
        }

        @Override
        public CandidateList retrieve(RetrievalRequest request, int k) {
            List<Interpretation> interpretations = analysis(request).interpretations();
            if (k <= 0) {
                return CandidateList.empty(id(), "no interpretation matched");
            }
            return results.topK(interpretations, k, depth -> search(interpretations, depth));
        }

        private CandidateList search(List<Interpretation> interpretations, int k) {
            InterpretationMerge merge = new InterpretationMerge();
            int arrival = 0;
            for (Interpretation in : interpretations) {
                ObjectNode q = query(in);
                if (q == null) {
                    continue;
                }
                List<Candidate> top = topK(backend, q, k);
                double[] scores = new double[top.size()];
                double[] tieBreaks = new double[top.size()];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = top.get(i).score();
                    tieBreaks[i] = arrival++;
                }
                merge.add(in, top.stream().map(Candidate::itemId).toList(), scores, tieBreaks);
            }
            return merge.top(id(), k);
        }

        @Override
        public ScoreExplanation explain(RetrievalRequest request, String itemId) {
            List<ScoreExplanation> matched = new ArrayList<>();
            for (Interpretation in : analysis(request).interpretations()) {
                ObjectNode q = query(in);
                ScoreExplanation e = q == null ? null : OpenSearchArms.explain(backend, q, itemId);
                if (e != null) {
                    matched.add(new ScoreExplanation(in.likelihood(), "interpretation " + in.description(),
                            List.of(e)));
                }
            }
            double value = matched.stream().mapToDouble(ScoreExplanation::value).max().orElse(0);
            return new ScoreExplanation(value, matched.isEmpty() ? "structured: no interpretation matches this item"
                    : "structured: interpretations that match (likelihood)", matched);
        }

        @Override
        public CacheStats resultCacheStats() {
            return results.stats();
        }

        private QueryAnalysis analysis(RetrievalRequest request) {
            return request.analysis() != null ? request.analysis() : tagger.analyze(request.query());
        }

        /** The bool query of one interpretation, as {@link StructuredStrategy} builds its Lucene query. */
        static ObjectNode query(Interpretation in) {
            ArrayNode filters = OpenSearchClient.JSON.createArrayNode();
            List<ObjectNode> scored = new ArrayList<>();
            for (Slot slot : in.slots()) {
                if (slot.type() == SlotType.TITLE) {
                    ObjectNode t = titleWords(slot.value());
                    if (t != null) {
                        scored.add(t);
                    }
                } else {
                    filters.add(filter(slot));
                }
            }
            String free = String.join(" ", in.freeTokens());
            ObjectNode words = free.isBlank() ? null : lexical(FREE_FIELDS, free);
            if (words != null) {
                scored.add(words);
            }
            if (scored.isEmpty() && filters.isEmpty()) {
                return null;
            }
            ObjectNode q = obj();
            ObjectNode bool = q.putObject("bool");
            ArrayNode scoredClauses = bool.putArray(filters.isEmpty() ? "must" : "should");
            scored.forEach(scoredClauses::add);
            ArrayNode should = filters.isEmpty() ? bool.putArray("should") : scoredClauses;
            if (!filters.isEmpty()) {
                bool.set("filter", filters);
                should.addObject().putObject("match_all"); // the filtered set, even when no word scores
            }
            should.add(popularity(1f, 0.5f));
            return q;
        }

        private static ObjectNode filter(Slot slot) {
            ObjectNode q = obj();
            switch (slot.type()) {
                case ARTIST -> q.putObject("term").put(IndexFields.ARTIST_KEY, Keywords.key(slot.value()));
                case ALBUM -> q.putObject("term").put(IndexFields.ALBUM_KEY, Keywords.key(slot.value()));
                case STYLE -> q.putObject("term").put(IndexFields.STYLE_KEY, Keywords.key(slot.value()));
                case GENRE -> q.putObject("term").put(IndexFields.GENRE_KEY, Keywords.key(slot.value()));
                case TYPE -> q.putObject("term").put(IndexFields.TYPE, slot.itemType().key());
                case DECADE, YEAR -> {
                    ObjectNode range = q.putObject("range").putObject(IndexFields.YEAR);
                    range.put("gte", slot.yearFrom());
                    range.put("lte", slot.yearTo());
                }
                case TITLE -> throw new IllegalArgumentException("a title is scored, not filtered");
            }
            return q;
        }

        /** Every word of the matched title in the item's title. */
        private static ObjectNode titleWords(String title) {
            if (title == null || title.isBlank()) {
                return null;
            }
            ObjectNode q = obj();
            ObjectNode match = q.putObject("match").putObject(IndexFields.TITLE);
            match.put("query", title);
            match.put("operator", "and");
            return q;
        }
    }

    /**
     * {@code explore}: as {@link ExploreStrategy}, the weighted draw made by a seeded script in OpenSearch. The same
     * topic, weights and distribution of draws (weighted sampling without replacement, an item's chance ∝ its
     * weight); not the same items for a seed: here each item's u is a hash of its id and the seed, the embedded arm
     * draws from the seed's random stream (a scan of a small topic, alias tables over a large one). They differed
     * before the alias tables too; the backend contract test checks what both keep: on the topic, the best matches
     * left out, the same draw for the same seed.
     */
    static final class Explore implements RetrievalStrategy {
        /**
         * The Efraimidis–Spirakis key u^(1/w): u from a SplitMix64 hash of the item id and the round's seed (the
         * same seed and catalog, the same draw), w = max(0.001, (1 − popularity) · (0.5 + 0.5 · recency)).
         */
        static final String SCRIPT = """
                long x = params.seed ^ (((long) doc['id'].value.hashCode()) * -7046029254386353131L);
                x = (x ^ (x >>> 30)) * -4658895280553007687L;
                x = (x ^ (x >>> 27)) * -7723592293110705685L;
                x = x ^ (x >>> 31);
                double u = ((x >>> 11) + 1) / 9007199254740993.0;
                double p = doc['popularity_value'].size() == 0 ? 0 : doc['popularity_value'].value;
                long y = doc['year'].size() == 0 ? 0 : doc['year'].value;
                double rec = (y <= 0 || params.max <= params.min) ? 0
                    : Math.min(1, Math.max(0, (y - params.min) / (double) (params.max - params.min)));
                double w = Math.max(0.001, (1 - p) * (0.5 + 0.5 * rec));
                return Math.pow(u, 1.0 / w);
                """;
        private final OpenSearchBackend backend;

        Explore(OpenSearchBackend backend) {
            this.backend = backend;
        }

        @Override
        public String id() {
            return ExploreStrategy.ID;
        }

        @Override
        public String description() {
            return "exploration: long-tail and recent items on the query's styles/genres, seeded draw in OpenSearch";
        }

        @Override
        public CandidateList retrieve(RetrievalRequest request, int k) {
            if (k <= 0) {
                return CandidateList.empty(id(), "k=0");
            }
            List<String> seedIds = new ArrayList<>();
            Map<String, Integer> topic = topicTags(request, seedIds);
            if (topic.isEmpty()) {
                return CandidateList.empty(id(), "no topic found for the query");
            }
            ObjectNode body = obj();
            body.put("size", k);
            body.put("_source", false);
            body.putArray("docvalue_fields").add(OpenSearchMapping.POPULARITY_VALUE).add(IndexFields.YEAR);
            ObjectNode scriptScore = body.putObject("query").putObject("script_score");
            ObjectNode bool = scriptScore.putObject("query").putObject("bool");
            ArrayNode should = bool.putArray("should");
            for (String tag : topic.keySet()) {
                int colon = tag.indexOf(':');
                should.addObject().putObject("term").put(tag.substring(0, colon), tag.substring(colon + 1));
            }
            bool.put("minimum_should_match", 1);
            if (!seedIds.isEmpty()) {
                ArrayNode values = bool.putArray("must_not").addObject().putObject("ids").putArray("values");
                seedIds.forEach(values::add);
            }
            ObjectNode script = scriptScore.putObject("script");
            script.put("source", SCRIPT);
            ObjectNode params = script.putObject("params");
            params.put("seed", ExploreDraw.seed(request));
            params.put("min", backend.minYear());
            params.put("max", backend.maxYear());
            List<Candidate> out = new ArrayList<>();
            int rank = 1;
            for (JsonNode hit : backend.search(body).path("hits").path("hits")) {
                JsonNode f = hit.path("fields");
                double p = f.path(OpenSearchMapping.POPULARITY_VALUE).path(0).asDouble(0);
                int y = f.path(IndexFields.YEAR).path(0).asInt(0);
                out.add(new Candidate(hit.path("_id").asText(), rank++, weight(p, y)));
            }
            return new CandidateList(id(), out, "topic " + topic.keySet() + ", drawn by novelty");
        }

        /** Style keys (failing those, genre keys) of the query's best lexical matches, most frequent first. */
        private Map<String, Integer> topicTags(RetrievalRequest request, List<String> seedIds) {
            Map<String, Integer> styles = new LinkedHashMap<>();
            Map<String, Integer> genres = new LinkedHashMap<>();
            ObjectNode q = lexical(Map.of(IndexFields.ALL, 1f), request.query());
            if (q != null) {
                ObjectNode body = obj();
                body.put("size", ExploreDraw.SEED_HITS);
                body.put("_source", false);
                body.putArray("docvalue_fields").add(IndexFields.STYLE_KEY).add(IndexFields.GENRE_KEY);
                body.set("query", q);
                for (JsonNode hit : backend.search(body).path("hits").path("hits")) {
                    seedIds.add(hit.path("_id").asText());
                    hit.path("fields").path(IndexFields.STYLE_KEY).forEach(
                            v -> styles.merge(IndexFields.STYLE_KEY + ":" + v.asText(), 1, Integer::sum));
                    hit.path("fields").path(IndexFields.GENRE_KEY).forEach(
                            v -> genres.merge(IndexFields.GENRE_KEY + ":" + v.asText(), 1, Integer::sum));
                }
            }
            return ExploreDraw.topic(styles, genres, request);
        }

        @Override
        public ScoreExplanation explain(RetrievalRequest request, String itemId) {
            return backend.itemById(itemId)
                    .map(item -> ExploreDraw.explain(item.popularity(), item.year(), backend.minYear(), backend.maxYear()))
                    .orElse(ScoreExplanation.leaf(0, "explore: unknown item " + itemId));
        }

        private double weight(double popularity, int year) {
            return ExploreDraw.weight(popularity, year, backend.minYear(), backend.maxYear());
        }
    }
}
