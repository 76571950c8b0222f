package io.ltrr.engine.rewrite;

import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.store.ReformulationCount;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rewrites from reformulation chains aggregated across sessions, as an absorbing Markov chain.
 *
 * <h2>The chain</h2>
 * Every query q that failed and was reformulated is a transient state "q failed"; every query s that got a
 * click after a reformulation is an absorbing state "s succeeded". A reformulation q → q' counted n times
 * moves "q failed" to "q' failed" (q' got no click) or to "q' succeeded" (it did). From "q failed" with N
 * reformulations in all, a transition counted n has probability n / (N + α): the additive smoothing α (default
 * 1) is a pseudo-count of users who gave up, an implicit absorbing "abandoned" state. It keeps a rewrite seen
 * once below certainty (1/(1+1) = 0.5) while one seen twenty times approaches it (20/21), and it makes I − Q
 * invertible even when failed queries reformulate into each other in a cycle. Then B = (I − Q)⁻¹R
 * ({@link AbsorbingChain}) and the rewrite of q is the succeeded state other than q itself with the highest
 * B["q failed", ·] (ties by text), returned with that probability.
 *
 * <h2>Bounded</h2>
 * Only the part of the chain reachable from "q failed" matters for its absorption probabilities, so a solve
 * takes that component, found breadth-first and capped at {@code maxStates} transient states (mass flowing
 * past the cap counts as abandoned: it only lowers probabilities, never invents a rewrite).
 *
 * <h2>Refresh</h2>
 * Evidence arrives one reformulation at a time, and most of it touches no component anyone asks about, so
 * rewrites are recomputed lazily: each solve is cached with its component and the version it saw; every
 * change stamps the state it leaves from with a new version, and a cached rewrite is reused only while no
 * state of its component carries a newer stamp. Thread-safe (one monitor).
 */
public final class RewriteModel implements QueryRewriter {
    /** Default pseudo-count of abandonment per failed query. */
    public static final double DEFAULT_SMOOTHING = 1.0;
    /** Default cap on transient states per solve. */
    public static final int DEFAULT_MAX_STATES = 200;

    private final double smoothing;
    private final int maxStates;
    /** from → to → {failed count, succeeded count}. */
    private final Map<String, Map<String, long[]>> edges = new HashMap<>();
    private final Map<String, Long> changedAt = new HashMap<>();
    private final Map<String, Solved> cache = new HashMap<>();
    private long version;
    private long solves;

    public RewriteModel(double smoothing, int maxStates) {
        if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException("smoothing must be positive and finite, was " + smoothing);
        }
        if (maxStates < 1) {
            throw new IllegalArgumentException("maxStates must be >= 1, was " + maxStates);
        }
        this.smoothing = smoothing;
        this.maxStates = maxStates;
    }

    public RewriteModel() {
        this(DEFAULT_SMOOTHING, DEFAULT_MAX_STATES);
    }

    /** A model holding the aggregated counts of a log. */
    public static RewriteModel of(List<ReformulationCount> counts) {
        RewriteModel m = new RewriteModel();
        counts.forEach(c -> m.add(c.fromQuery(), c.toQuery(), c.succeeded(), c.count()));
        return m;
    }

    /** Adds n reformulations from a failed query to another that failed or succeeded. */
    public synchronized void add(String from, String to, boolean succeeded, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        long[] c = edges.computeIfAbsent(from, k -> new HashMap<>()).computeIfAbsent(to, k -> new long[2]);
        c[succeeded ? 1 : 0] += n;
        changedAt.put(from, ++version);
    }

    /** n reformulations from → to counted as failed turned out to succeed (their follow-up got a click later). */
    public synchronized void promote(String from, String to, long n) {
        long[] c = edges.getOrDefault(from, Map.of()).get(to);
        long moved = c == null ? 0 : Math.min(n, c[0]);
        if (c != null) {
            c[0] -= moved;
        }
        add(from, to, true, n - moved);
        if (moved > 0) {
            edges.get(from).get(to)[1] += moved;
        }
    }

    /** How many chains were solved so far (cache misses); for tests and diagnostics. */
    public synchronized long solves() {
        return solves;
    }

    @Override
    public synchronized Optional<Rewrite> rewrite(String normalizedQuery) {
        if (normalizedQuery == null || !edges.containsKey(normalizedQuery)) {
            return Optional.empty();
        }
        Solved cached = cache.get(normalizedQuery);
        if (cached != null && cached.fresh(changedAt)) {
            return cached.rewrite();
        }
        Solved solved = solve(normalizedQuery);
        cache.put(normalizedQuery, solved);
        return solved.rewrite();
    }

    /** Every absorption probability of a query's "failed" state, by succeeded query (for display and tests). */
    public synchronized Map<String, Double> absorption(String normalizedQuery) {
        if (!edges.containsKey(normalizedQuery)) {
            return Map.of();
        }
        return chainOf(normalizedQuery).absorptionOfFirst();
    }

    private Solved solve(String q) {
        solves++;
        Component chain = chainOf(q);
        Map<String, Double> b = chain.absorptionOfFirst();
        String best = null;
        double bestP = 0;
        for (Map.Entry<String, Double> e : b.entrySet()) {
            // TreeMap order: equal probabilities keep the alphabetically first query.
            if (!e.getKey().equals(q) && e.getValue() > bestP) {
                best = e.getKey();
                bestP = e.getValue();
            }
        }
        Optional<Rewrite> rewrite = best == null ? Optional.empty() : Optional.of(new Rewrite(q, best, bestP));
        return new Solved(rewrite, chain.watched(), version);
    }

    /** The transient states reachable from "q failed" (q first), capped, with their canonical matrices. */
    private Component chainOf(String q) {
        Map<String, Integer> transients = new LinkedHashMap<>();
        // States whose first reformulation would change this solve: the transients and their failed dead ends.
        java.util.Set<String> watched = new java.util.TreeSet<>();
        Deque<String> queue = new ArrayDeque<>();
        transients.put(q, 0);
        queue.add(q);
        while (!queue.isEmpty()) {
            String s = queue.poll();
            for (Map.Entry<String, long[]> e : new TreeMap<>(edges.getOrDefault(s, Map.of())).entrySet()) {
                String t = e.getKey();
                if (e.getValue()[0] > 0) {
                    watched.add(t);
                }
                if (e.getValue()[0] > 0 && edges.containsKey(t) && !transients.containsKey(t)
                        && transients.size() < maxStates) {
                    transients.put(t, transients.size());
                    queue.add(t);
                }
            }
        }
        Map<String, Integer> absorbing = new TreeMap<>();
        for (String s : transients.keySet()) {
            edges.getOrDefault(s, Map.of()).forEach((t, c) -> {
                if (c[1] > 0) {
                    absorbing.putIfAbsent(t, 0);
                }
            });
        }
        int col = 0;
        for (Map.Entry<String, Integer> e : absorbing.entrySet()) {
            e.setValue(col++);
        }
        int n = transients.size();
        double[][] qm = new double[n][n];
        double[][] rm = new double[n][absorbing.size()];
        for (Map.Entry<String, Integer> s : transients.entrySet()) {
            Map<String, long[]> out = edges.getOrDefault(s.getKey(), Map.of());
            double total = smoothing;
            for (long[] c : out.values()) {
                total += c[0] + c[1];
            }
            int i = s.getValue();
            for (Map.Entry<String, long[]> e : out.entrySet()) {
                Integer j = transients.get(e.getKey());
                // A failed follow-up with no reformulation of its own (or past the cap) is a dead end: abandoned.
                if (j != null) {
                    qm[i][j] += e.getValue()[0] / total;
                }
                if (e.getValue()[1] > 0) {
                    rm[i][absorbing.get(e.getKey())] += e.getValue()[1] / total;
                }
            }
        }
        watched.addAll(transients.keySet());
        return new Component(List.copyOf(transients.keySet()), List.copyOf(absorbing.keySet()), qm, rm,
                List.copyOf(watched));
    }

    private record Component(List<String> transients, List<String> absorbing, double[][] q, double[][] r,
                             List<String> watched) {
        Map<String, Double> absorptionOfFirst() {
            double[][] b = AbsorbingChain.absorption(q, r);
            Map<String, Double> out = new TreeMap<>();
            for (int j = 0; j < absorbing.size(); j++) {
                out.put(absorbing.get(j), b[0][j]);
            }
            return out;
        }
    }

    private record Solved(Optional<Rewrite> rewrite, List<String> component, long solvedAt) {
        boolean fresh(Map<String, Long> changedAt) {
            for (String s : component) {
                if (changedAt.getOrDefault(s, 0L) > solvedAt) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Every query with a recorded reformulation, for listing. */
    public synchronized List<String> failedQueries() {
        List<String> out = new ArrayList<>(edges.keySet());
        out.sort(null);
        return out;
    }
}
