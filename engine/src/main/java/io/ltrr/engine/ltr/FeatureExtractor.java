package io.ltrr.engine.ltr;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.IndexFields;
import io.ltrr.engine.index.Keywords;
import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.qu.QueryType;
import io.ltrr.engine.qu.Slot;
import io.ltrr.engine.qu.SlotType;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.rank.RrfRanker;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.QueryMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Ranker features per (query, context, candidate), each with a stable name (logged with every impression and
 * exported for offline training; see {@link #NAMES}). Values are scaled to about [0, 1] within the round
 * (arm scores and BM25 divided by the round's maximum) so that a linear model needs no further scaling and
 * scores of different queries are comparable. Thread-safe.
 */
public final class FeatureExtractor {
    /** Fields whose BM25 is a feature, in column order. */
    static final List<String> BM25_FIELDS = List.of(IndexFields.TITLE, IndexFields.ARTIST, IndexFields.ALBUM,
            IndexFields.STYLE, IndexFields.ALL);
    /** The feature names, in column order. Part of the log format: a change makes a new feature set. */
    public static final List<String> NAMES = names();
    /** Years are scaled linearly over this range (before it 0, after it 1): the catalog's span of releases. */
    static final int YEAR_FROM = 1950;
    static final int YEAR_TO = 2030;

    private final CatalogIndex index;
    private final QueryMemory memory;
    private final IndexSearcher searcher;

    /**
     * @param index  the catalog index the candidates come from
     * @param memory the click memory (Q2E), or null when there is none (offline evaluation)
     */
    public FeatureExtractor(CatalogIndex index, QueryMemory memory) {
        this.index = index;
        this.memory = memory;
        // Plain BM25 with Lucene's defaults per field: the fields' boosts are what the model learns.
        this.searcher = new IndexSearcher(index.searcher().getIndexReader());
        this.searcher.setSimilarity(new BM25Similarity());
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (String arm : ArmRegistry.IDS) {
            n.add("arm." + arm + ".hit");
            n.add("arm." + arm + ".rr");
            n.add("arm." + arm + ".norm");
        }
        n.add("arms.hits");
        n.add("rrf");
        BM25_FIELDS.forEach(f -> n.add("bm25." + f));
        n.addAll(List.of("dense.sim", "item.popularity", "item.freshness", "item.year_known", "memory.q2e",
                "qu.artist_match", "qu.album_match", "qu.title_match", "qu.style_match", "profile.affinity",
                "x.entity.qu_artist_match", "x.entity.bm25_title", "x.topical.bm25_style",
                "x.topical.profile_affinity", "x.ambiguous.popularity", "x.ambiguous.memory_q2e"));
        return List.copyOf(n);
    }

    /** Features of every candidate of the round, in the union's order. */
    public FeatureMatrix extract(RankingInput input) {
        List<String> ids = new ArrayList<>(input.union().keySet());
        int n = ids.size();
        int[] docs = new int[n];
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            docs[i] = index.docId(ids.get(i));
            items.add(docs[i] < 0 ? null : index.item(docs[i]));
        }
        Map<String, double[]> bm25 = new HashMap<>();
        FieldBm25 scorer = new FieldBm25(searcher, index.analyzer());
        for (String field : BM25_FIELDS) {
            bm25.put(field, scaledToMax(scorer.score(field, input.analysis().original(), docs)));
        }
        Map<String, Double> armMax = armMaxima(input);
        Map<String, Double> q2e = memoryScores(input);
        Set<String> liked = keys(input.profile());
        QueryType type = input.analysis().type();
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            Map<String, ArmHit> hits = input.union().get(id);
            Item item = items.get(i);
            Row r = new Row();
            for (String arm : ArmRegistry.IDS) {
                ArmHit h = hits.get(arm);
                r.add(h == null ? 0 : 1);
                r.add(h == null ? 0 : 1.0 / h.rank());
                double max = armMax.getOrDefault(arm, 0.0);
                r.add(h == null || max <= 0 ? 0 : Math.max(0, h.score()) / max);
            }
            r.add(hits.keySet().stream().filter(ArmRegistry.IDS::contains).count() / (double) ArmRegistry.IDS.size());
            r.add(hits.values().stream().mapToDouble(h -> 1.0 / (RrfRanker.K0 + h.rank())).sum());
            for (String field : BM25_FIELDS) {
                r.add(bm25.get(field)[i]);
            }
            ArmHit dense = hits.get(DenseStrategy.ID);
            r.add(dense == null ? 0 : dense.score());
            double popularity = item == null ? 0 : item.popularity();
            r.add(popularity);
            r.add(item == null || item.year() == 0 ? 0 : clamp((item.year() - YEAR_FROM) / (double) (YEAR_TO - YEAR_FROM)));
            r.add(item == null || item.year() == 0 ? 0 : 1);
            double memoryScore = q2e.getOrDefault(id, 0.0);
            r.add(memoryScore);
            double artist = slotMatch(input, SlotType.ARTIST, item);
            r.add(artist);
            r.add(slotMatch(input, SlotType.ALBUM, item));
            r.add(slotMatch(input, SlotType.TITLE, item));
            r.add(slotMatch(input, SlotType.STYLE, item));
            double affinity = profileAffinity(item, liked);
            r.add(affinity);
            double entity = type == QueryType.ENTITY ? 1 : 0;
            double topical = type == QueryType.TOPICAL ? 1 : 0;
            double ambiguous = type == QueryType.AMBIGUOUS ? 1 : 0;
            r.add(entity * artist);
            r.add(entity * bm25.get(IndexFields.TITLE)[i]);
            r.add(topical * bm25.get(IndexFields.STYLE)[i]);
            r.add(topical * affinity);
            r.add(ambiguous * popularity);
            r.add(ambiguous * memoryScore);
            rows.put(id, r.values());
        }
        return new FeatureMatrix(NAMES, rows);
    }

    /** Each arm's largest score among its candidates of this round (the union holds all of them). */
    private static Map<String, Double> armMaxima(RankingInput input) {
        Map<String, Double> max = new HashMap<>();
        input.union().values().forEach(hits -> hits.forEach((arm, h) -> max.merge(arm, h.score(), Math::max)));
        return max;
    }

    private Map<String, Double> memoryScores(RankingInput input) {
        Map<String, Double> out = new HashMap<>();
        if (memory != null && !input.analysis().normalized().isEmpty()) {
            for (QueryMemory.Entry e : memory.lookup(input.analysis().normalized(), 1000)) {
                if (input.union().containsKey(e.itemId())) {
                    out.put(e.itemId(), e.score());
                }
            }
        }
        return out;
    }

    /**
     * Likelihood mass of the interpretations with a slot of the type whose value is the item's: how sure query
     * understanding is that the query names this item's artist (album, title, style or genre).
     */
    static double slotMatch(RankingInput input, SlotType type, Item item) {
        if (item == null) {
            return 0;
        }
        Set<String> values = switch (type) {
            case ARTIST -> Set.of(Keywords.key(item.artist()));
            case ALBUM -> Set.of(Keywords.key(item.album()));
            case TITLE -> Set.of(Keywords.key(item.title()));
            default -> {
                Set<String> s = keys(item.styles());
                s.addAll(keys(item.genres()));
                yield s;
            }
        };
        double mass = 0;
        for (Interpretation in : input.analysis().interpretations()) {
            for (Slot s : in.slots()) {
                boolean typeMatches = s.type() == type
                        || (type == SlotType.STYLE && s.type() == SlotType.GENRE);
                String key = Keywords.key(s.value());
                if (typeMatches && !key.isEmpty() && values.contains(key)) {
                    mass += in.likelihood();
                    break;
                }
            }
        }
        return clamp(mass);
    }

    /** Share of the user's preferred styles the item has (styles or genres). */
    static double profileAffinity(Item item, Set<String> liked) {
        if (item == null || liked.isEmpty()) {
            return 0;
        }
        Set<String> has = keys(item.styles());
        has.addAll(keys(item.genres()));
        has.retainAll(liked);
        return has.size() / (double) liked.size();
    }

    private static Set<String> keys(List<String> values) {
        Set<String> out = new HashSet<>();
        values.forEach(v -> out.add(Keywords.key(v)));
        out.remove("");
        return out;
    }

    private static double[] scaledToMax(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, x);
        }
        if (max > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= max;
            }
        }
        return v;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Appends values in column order; checks at the end that every column was filled. */
    private static final class Row {
        private final double[] values = new double[NAMES.size()];
        private int next;

        void add(double v) {
            values[next++] = Double.isFinite(v) ? v : 0;
        }

        double[] values() {
            if (next != values.length) {
                throw new IllegalStateException("filled " + next + " of " + values.length + " features");
            }
            return values;
        }
    }
}
