package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.ClickMemory;
import io.ltrr.engine.store.Q2eEntry;
import io.ltrr.engine.store.Q2ePrediction;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link ClickMemory} in table {@code q2e}. */
final class H2ClickMemory implements ClickMemory {
    private final StoreDatabase db;
    private final Q2eTable q2e;
    private final Clock clock;

    H2ClickMemory(StoreDatabase db, Q2eTable q2e, Clock clock) {
        this.db = db;
        this.q2e = q2e;
        this.clock = clock;
    }

    @Override
    public void q2eUpsertPredicted(List<Q2ePrediction> predictions) {
        List<Q2ePrediction> rows = List.copyOf(predictions);
        db.sql(c -> {
            q2e.upsertPredicted(c, rows, clock.instant());
            return null;
        });
    }

    @Override
    public void q2eObserve(String normalizedQuery, Map<String, Long> impressions, Map<String, Long> clicks) {
        Objects.requireNonNull(impressions, "impressions");
        Objects.requireNonNull(clicks, "clicks");
        db.sql(c -> {
            q2e.observe(c, normalizedQuery, impressions, clicks, clock.instant());
            return null;
        });
    }

    @Override
    public List<Q2eEntry> q2eLookup(String normalizedQuery, int limit) {
        return db.sql(c -> q2e.lookup(c, normalizedQuery, limit));
    }

    @Override
    public boolean q2eHasQuery(String normalizedQuery) {
        return db.sql(c -> q2e.hasQuery(c, normalizedQuery));
    }
}
