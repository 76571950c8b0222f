package io.ltrr.engine.live;

import io.ltrr.engine.retrieval.QueryMemory;
import io.ltrr.engine.store.ClickMemory;
import io.ltrr.engine.store.Q2eEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The durable click memory: {@link QueryMemory} over the feedback store's Q2E table. */
public final class StoreQueryMemory implements QueryMemory {
    private final ClickMemory store;

    public StoreQueryMemory(ClickMemory store) {
        this.store = store;
    }

    @Override
    public List<Entry> lookup(String normalizedQuery, int limit) {
        List<Entry> out = new ArrayList<>();
        for (Q2eEntry e : store.q2eLookup(normalizedQuery, limit)) {
            out.add(new Entry(e.itemId(), e.score(), e.predicted(), e.impressions(), e.clicks()));
        }
        return out;
    }

    @Override
    public boolean knows(String normalizedQuery) {
        return store.q2eHasQuery(normalizedQuery);
    }

    @Override
    public void observe(String normalizedQuery, Map<String, Integer> impressions, Map<String, Integer> clicks) {
        if (normalizedQuery == null || normalizedQuery.isBlank()) {
            // A query of only punctuation, symbols or emoji normalizes to nothing: there is no query to remember
            // its items under, and the store rightly refuses a blank key (it used to fail the whole search).
            return;
        }
        store.q2eObserve(normalizedQuery, widen(impressions), widen(clicks));
    }

    private static Map<String, Long> widen(Map<String, Integer> m) {
        Map<String, Long> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.longValue()));
        return out;
    }
}
