package io.ltrr.engine.bandit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps a context to a small discrete bucket key, for policies that keep separate statistics per bucket
 * ({@link ThompsonPolicy}). The key must be stable across runs because it is stored in snapshots.
 */
public interface ContextBucketing {
    /** The features the default bucketing uses besides those named "bucket.*". */
    List<String> DEFAULT_FEATURES = List.of("device.voice", "qu.type.entity", "qu.type.topical");

    /** The bucket key of x (e.g. "device.voice=1,qu.type.entity=0"). */
    String bucketOf(ContextVector x);

    /** What the bucketing does, stored in snapshots so a snapshot is not restored under another bucketing. */
    String description();

    /** {@link #byFeatures} with prefix "bucket." and {@link #DEFAULT_FEATURES}. */
    static ContextBucketing defaults() {
        return byFeatures("bucket.", DEFAULT_FEATURES);
    }

    /** One bucket for every context: a context-free policy. */
    static ContextBucketing none() {
        return byFeatures("", List.of());
    }

    /**
     * Buckets by the values, rounded to the nearest integer, of the features present in x whose names start
     * with {@code prefix} (empty: none) or are listed in {@code features}. Meant for one-hot/binary features and
     * small categorical codes; the number of buckets grows as the product of their value counts, so keep them
     * few. A context with none of them falls in the bucket "*".
     */
    static ContextBucketing byFeatures(String prefix, List<String> features) {
        return new FeatureBucketing(prefix, List.copyOf(features));
    }

    /** The feature-value bucketing of {@link #byFeatures}. */
    record FeatureBucketing(String prefix, List<String> features) implements ContextBucketing {
        @Override
        public String bucketOf(ContextVector x) {
            Set<String> listed = Set.copyOf(features);
            Map<String, Long> values = new TreeMap<>();
            List<String> names = x.names();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if ((!prefix.isEmpty() && name.startsWith(prefix)) || listed.contains(name)) {
                    values.put(name, Math.round(x.get(i)));
                }
            }
            if (values.isEmpty()) {
                return "*";
            }
            StringBuilder key = new StringBuilder();
            values.forEach((name, v) -> key.append(key.isEmpty() ? "" : ",").append(name).append('=').append(v));
            return key.toString();
        }

        @Override
        public String description() {
            return "features prefix='" + prefix + "' listed=" + features;
        }
    }
}
