package io.ltrr.engine.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link QueryMemory} held in memory (simulations, tests). Thread-safe. */
public final class InMemoryQueryMemory implements QueryMemory {
    private final double alpha;
    private final Map<String, Map<String, long[]>> counts = new HashMap<>();
    private final Map<String, Map<String, Double>> predicted = new HashMap<>();

    /** @param alpha pseudo-impressions given to the prediction (the larger, the slower evidence wins) */
    public InMemoryQueryMemory(double alpha) {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("alpha must be > 0, was " + alpha);
        }
        this.alpha = alpha;
    }

    /** Adds a cold-start prediction for (query, item). */
    public synchronized void predict(String normalizedQuery, String itemId, double score) {
        predicted.computeIfAbsent(normalizedQuery, q -> new HashMap<>()).merge(itemId, score, Math::max);
    }

    @Override
    public synchronized List<Entry> lookup(String normalizedQuery, int limit) {
        Map<String, Double> pred = predicted.getOrDefault(normalizedQuery, Map.of());
        Map<String, long[]> seen = counts.getOrDefault(normalizedQuery, Map.of());
        java.util.Set<String> ids = new java.util.TreeSet<>(pred.keySet());
        ids.addAll(seen.keySet());
        List<Entry> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            double p = pred.getOrDefault(id, 0.0);
            long[] c = seen.getOrDefault(id, new long[2]);
            out.add(new Entry(id, (c[1] + alpha * p) / (c[0] + alpha), p, c[0], c[1]));
        }
        out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.itemId().compareTo(b.itemId()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    @Override
    public synchronized boolean knows(String normalizedQuery) {
        return predicted.containsKey(normalizedQuery) || counts.containsKey(normalizedQuery);
    }

    @Override
    public synchronized void observe(String normalizedQuery, Map<String, Integer> impressions, Map<String, Integer> clicks) {
        Map<String, long[]> q = counts.computeIfAbsent(normalizedQuery, k -> new HashMap<>());
        impressions.forEach((id, n) -> q.computeIfAbsent(id, k -> new long[2])[0] += n);
        clicks.forEach((id, n) -> q.computeIfAbsent(id, k -> new long[2])[1] += n);
    }
}
