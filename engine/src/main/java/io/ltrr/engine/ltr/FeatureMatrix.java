package io.ltrr.engine.ltr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranker features of every candidate of one round: one row per item, columns named.
 *
 * @param names  feature names, in column order
 * @param rows   item id → values (in the order of {@code names}), in the union's order
 */
public record FeatureMatrix(List<String> names, Map<String, double[]> rows) {
    public FeatureMatrix {
        names = List.copyOf(names);
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            if (e.getValue().length != names.size()) {
                throw new IllegalArgumentException("item '" + e.getKey() + "' has " + e.getValue().length
                        + " values for " + names.size() + " features");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        rows = java.util.Collections.unmodifiableMap(copy);
    }

    /** The values of one item (a copy). */
    public double[] row(String itemId) {
        double[] v = rows.get(itemId);
        if (v == null) {
            throw new IllegalArgumentException("no features for item '" + itemId + "'");
        }
        return v.clone();
    }

    /** One feature of one item. */
    public double value(String itemId, String feature) {
        int i = names.indexOf(feature);
        if (i < 0) {
            throw new IllegalArgumentException("unknown feature '" + feature + "'");
        }
        return rows.get(itemId)[i];
    }
}
