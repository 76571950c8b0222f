package io.ltrr.engine.ltr;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.retrieval.CatalogBackend;
import io.ltrr.engine.retrieval.QueryMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranker features per (query, context, candidate), each with a stable name (logged with every impression and
 * exported for offline training; see {@link #NAMES} and the table in {@link RankerFeatures}). Values are scaled
 * to about [0, 1] within the round (arm scores and BM25 divided by the round's maximum) so that a linear model
 * needs no further scaling and scores of different queries are comparable. Thread-safe.
 */
public final class FeatureExtractor {
    /** The feature names, in column order. Part of the log format: a change makes a new feature set. */
    public static final List<String> NAMES = RankerFeatures.ALL.stream().map(RankerFeatures.Feature::name).toList();

    private final CatalogBackend catalog;
    private final QueryMemory memory;

    /**
     * @param catalog the catalog the candidates come from (its plain per-field BM25: the fields' boosts are what
     *                the model learns)
     * @param memory  the click memory (Q2E), or null when there is none (offline evaluation)
     */
    public FeatureExtractor(CatalogBackend catalog, QueryMemory memory) {
        this.catalog = catalog;
        this.memory = memory;
    }

    /** Features of every candidate of the round, in the union's order. */
    public FeatureMatrix extract(RankingInput input) {
        List<String> ids = new ArrayList<>(input.union().keySet());
        int n = ids.size();
        List<Item> items = catalog.items(ids);
        Map<String, double[]> bm25 = new HashMap<>();
        for (String field : RankerFeatures.BM25_FIELDS) {
            bm25.put(field, scaledToMax(catalog.fieldBm25(field, input.analysis().original(), ids)));
        }
        RankerFeatures.Round round = new RankerFeatures.Round(input, bm25, armMaxima(input), memoryScores(input),
                RankerFeatures.keys(input.profile()));
        List<RankerFeatures.Feature> features = RankerFeatures.ALL;
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            RankerFeatures.Candidate c = new RankerFeatures.Candidate(round, i, id, input.union().get(id),
                    items.get(i));
            double[] values = new double[features.size()];
            for (int f = 0; f < values.length; f++) {
                double v = features.get(f).value().applyAsDouble(c);
                values[f] = Double.isFinite(v) ? v : 0;
            }
            rows.put(id, values);
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
}
