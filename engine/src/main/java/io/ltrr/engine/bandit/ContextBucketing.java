package io.ltrr.engine.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Maps a context to a small discrete bucket key, for policies that keep separate statistics per bucket (Thompson,
 * ε-greedy and UCB1 per context). The features a bucketing keys on are declared (the policy option
 * {@code bucketFeatures}), never inferred from their names, so a context that lacks one is noticed
 * ({@link #missingFrom}) instead of silently falling into one bucket. The key is stored in snapshots, so it must
 * be stable across runs.
 */
public interface ContextBucketing {
    /**
     * The discrete features of the live context ({@code context.ContextFeatures}): voice device, entity query,
     * topical query. A test there keeps this list among its feature names.
     */
    List<String> DEFAULT_FEATURES = List.of("bucket.device.voice", "bucket.qu.entity", "bucket.qu.topical");

    /** The bucket key of x (e.g. "bucket.device.voice=1,bucket.qu.entity=0"). */
    String bucketOf(ContextVector x);

    /** The declared features, in key order (empty: one bucket for every context). */
    List<String> features();

    /** {@link #byFeatures} of {@link #DEFAULT_FEATURES}. */
    static ContextBucketing defaults() {
        return byFeatures(DEFAULT_FEATURES);
    }

    /** One bucket for every context: a context-free policy. */
    static ContextBucketing none() {
        return byFeatures(List.of());
    }

    /**
     * Buckets by the values, rounded to the nearest integer, of the declared features. Meant for one-hot/binary
     * features and small categorical codes; the number of buckets grows as the product of their value counts, so
     * keep them few. A declared feature the context lacks plays no part in its key (see {@link #missingFrom}); a
     * context with none of them falls in the bucket "*".
     *
     * @param features feature names, distinct and not blank
     */
    static ContextBucketing byFeatures(List<String> features) {
        return new FeatureBucketing(features);
    }

    /** The declared features that a context with these feature names lacks, in declared order. */
    default List<String> missingFrom(List<String> featureNames) {
        List<String> missing = new ArrayList<>(features());
        missing.removeAll(featureNames);
        return missing;
    }

    /** The feature-value bucketing of {@link #byFeatures}. */
    record FeatureBucketing(List<String> features) implements ContextBucketing {
        public FeatureBucketing {
            for (String f : features) {
                if (f == null || f.isBlank()) {
                    throw new IllegalArgumentException("bucketFeatures must not contain a blank name, was " + features);
                }
            }
            // Key order: sorted by name, so the same declaration in another order keys the same buckets.
            TreeSet<String> sorted = new TreeSet<>(features);
            if (sorted.size() != features.size()) {
                throw new IllegalArgumentException("bucketFeatures must be distinct, was " + features);
            }
            features = List.copyOf(sorted);
        }

        @Override
        public String bucketOf(ContextVector x) {
            if (features.isEmpty()) {
                return "*";
            }
            StringBuilder key = new StringBuilder();
            List<String> names = x.names();
            for (String feature : features) {
                int i = names.indexOf(feature);
                if (i >= 0) {
                    key.append(key.isEmpty() ? "" : ",").append(feature).append('=').append(Math.round(x.get(i)));
                }
            }
            return key.isEmpty() ? "*" : key.toString();
        }
    }
}
