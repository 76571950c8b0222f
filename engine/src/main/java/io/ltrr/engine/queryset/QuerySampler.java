package io.ltrr.engine.queryset;

import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.store.QueryCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples queries from the search log's distinct queries with their counts. Random and proportional draws are
 * seeded: the same log and seed give the same sample. Proportional sampling draws without replacement with weights
 * equal to the counts (successive sampling: each draw picks among the queries not drawn yet, probability count /
 * remaining total), so frequent queries are likely but the tail is reachable.
 */
public final class QuerySampler {
    private QuerySampler() {
    }

    /**
     * @param logged the log's distinct queries and counts (any order)
     * @param size   how many to draw, at least 1; fewer come back when the log has fewer distinct queries
     * @return the sample: most frequent first for FREQUENT, in draw order otherwise
     */
    public static List<String> sample(List<QueryCount> logged, QuerySampling strategy, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was " + size);
        }
        List<QueryCount> pool = new ArrayList<>(logged);
        // A fixed order first, so a seed gives the same draw whatever order the log was read in.
        pool.sort(Comparator.comparingLong(QueryCount::count).reversed().thenComparing(QueryCount::query));
        int n = Math.min(size, pool.size());
        return switch (strategy) {
            case FREQUENT -> pool.subList(0, n).stream().map(QueryCount::query).toList();
            case RANDOM -> uniform(pool, n, new SplittableRandom(seed));
            case PROPORTIONAL -> proportional(pool, n, new SplittableRandom(seed));
        };
    }

    /** A partial Fisher–Yates shuffle: the first n of a seeded permutation. */
    private static List<String> uniform(List<QueryCount> pool, int n, SplittableRandom random) {
        List<QueryCount> a = new ArrayList<>(pool);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(a.size() - i);
            QueryCount t = a.get(i);
            a.set(i, a.get(j));
            a.set(j, t);
        }
        return a.subList(0, n).stream().map(QueryCount::query).toList();
    }

    private static List<String> proportional(List<QueryCount> pool, int n, SplittableRandom random) {
        List<QueryCount> left = new ArrayList<>(pool);
        long total = left.stream().mapToLong(QueryCount::count).sum();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long r = random.nextLong(total);
            int pick = 0;
            while (r >= left.get(pick).count()) {
                r -= left.get(pick).count();
                pick++;
            }
            QueryCount q = left.remove(pick);
            total -= q.count();
            out.add(q.query());
        }
        return out;
    }
}
