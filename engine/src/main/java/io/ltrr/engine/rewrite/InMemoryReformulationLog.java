package io.ltrr.engine.rewrite;

import io.ltrr.engine.store.Reformulation;
import io.ltrr.engine.store.ReformulationCount;
import io.ltrr.engine.store.ReformulationLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A {@link ReformulationLog} in memory, for simulations (which log nothing to H2) and tests. Thread-safe. */
public final class InMemoryReformulationLog implements ReformulationLog {
    private final Map<String, Reformulation> byPair = new LinkedHashMap<>();

    @Override
    public synchronized boolean record(Reformulation r) {
        Objects.requireNonNull(r, "reformulation");
        return byPair.putIfAbsent(r.fromSearchId() + "\u0000" + r.toSearchId(), r) == null;
    }

    @Override
    public synchronized List<ReformulationCount> markSucceeded(String toSearchId) {
        Map<List<String>, Long> promoted = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
        for (Map.Entry<String, Reformulation> e : byPair.entrySet()) {
            Reformulation r = e.getValue();
            if (r.toSearchId().equals(toSearchId) && !r.succeeded()) {
                e.setValue(new Reformulation(r.sessionId(), r.userId(), r.fromSearchId(), r.toSearchId(),
                        r.fromQuery(), r.toQuery(), r.relation(), r.gap(), true, r.at()));
                promoted.merge(List.of(r.fromQuery(), r.toQuery()), 1L, Long::sum);
            }
        }
        List<ReformulationCount> out = new ArrayList<>();
        promoted.forEach((k, n) -> out.add(new ReformulationCount(k.get(0), k.get(1), true, n)));
        return out;
    }

    @Override
    public synchronized List<ReformulationCount> counts() {
        Map<String, long[]> agg = new TreeMap<>();
        Map<String, String[]> keys = new TreeMap<>();
        for (Reformulation r : byPair.values()) {
            String key = r.fromQuery() + "\u0000" + r.toQuery() + "\u0000" + r.succeeded();
            agg.computeIfAbsent(key, k -> new long[1])[0]++;
            keys.putIfAbsent(key, new String[] {r.fromQuery(), r.toQuery(), String.valueOf(r.succeeded())});
        }
        List<ReformulationCount> out = new ArrayList<>();
        agg.forEach((k, n) -> out.add(new ReformulationCount(keys.get(k)[0], keys.get(k)[1],
                Boolean.parseBoolean(keys.get(k)[2]), n[0])));
        return out;
    }

    /** Number of reformulations recorded. */
    public synchronized int size() {
        return byPair.size();
    }
}
