package io.ltrr.engine.ltr;

import io.ltrr.engine.store.LoggedFeatures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One candidate of one query as a training example.
 *
 * @param qid      the query group (a search id number, or a test collection's query number)
 * @param itemId   the candidate
 * @param position where it was shown (1-based), or 0 when it was not shown (offline judgments)
 * @param x        features in the order of {@link FeatureExtractor#NAMES}
 * @param label    graded relevance: max(grade, 1 when clicked) from the log, or the judgment
 * @param clicked  whether it was clicked
 */
public record RankingExample(long qid, String itemId, int position, double[] x, int label, boolean clicked) {
    public RankingExample {
        Objects.requireNonNull(itemId, "itemId");
        if (x.length != FeatureExtractor.NAMES.size()) {
            throw new IllegalArgumentException("x has " + x.length + " values, the feature set "
                    + FeatureExtractor.NAMES.size());
        }
        if (label < 0) {
            throw new IllegalArgumentException("label must be >= 0, was " + label);
        }
        x = x.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    /**
     * A logged row, its values mapped by name onto the current feature set: features the row's set lacks are 0,
     * so rows logged before a feature was added still train.
     */
    public static RankingExample of(LoggedFeatures row) {
        double[] x = new double[FeatureExtractor.NAMES.size()];
        double[] v = row.values();
        for (int i = 0; i < row.names().size(); i++) {
            int at = FeatureExtractor.NAMES.indexOf(row.names().get(i));
            if (at >= 0) {
                x[at] = v[i];
            }
        }
        return new RankingExample(row.searchNumber(), row.itemId(), row.position(), x, row.label(), row.clicked());
    }

    /** Examples grouped by qid, groups in first-seen order, each group in the given order. */
    public static Map<Long, List<RankingExample>> byQuery(List<RankingExample> examples) {
        Map<Long, List<RankingExample>> out = new LinkedHashMap<>();
        examples.forEach(e -> out.computeIfAbsent(e.qid(), q -> new ArrayList<>()).add(e));
        return out;
    }
}
