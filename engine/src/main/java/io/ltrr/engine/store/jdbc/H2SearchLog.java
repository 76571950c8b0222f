package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.LogPosition;
import io.ltrr.engine.store.SearchIds;
import io.ltrr.engine.store.SearchLog;
import io.ltrr.engine.store.TaggedSearch;
import io.ltrr.engine.store.Values;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link SearchLog} in tables {@code searches}, {@code search_arms} and {@code shown_items}. */
final class H2SearchLog implements SearchLog {
    private final StoreDatabase db;

    H2SearchLog(StoreDatabase db) {
        this.db = db;
    }

    @Override
    public String newSearchId() {
        return db.sql(c -> SearchIds.format(db.dialect().nextValue(c, "search_seq")));
    }

    @Override
    public void recordImpression(Impression impression) {
        Objects.requireNonNull(impression, "impression");
        db.sql(c -> {
            try {
                db.dialect().recoverable(c, () -> {
                    ImpressionTable.insert(c, db.dialect(), impression);
                    return null;
                });
            } catch (SQLException e) {
                if (db.dialect().isDuplicateKey(e)) {
                    throw new IllegalArgumentException("search id " + impression.searchId() + " is already recorded", e);
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<Impression> impression(String searchId) {
        Optional<Long> id = SearchIds.parseQuietly(searchId);
        return id.isEmpty() ? Optional.empty() : db.sql(c -> ImpressionTable.find(c, id.get()));
    }

    @Override
    public List<TaggedSearch> searchesWithContext(String contextKey) {
        Values.requireText(contextKey, "contextKey");
        if (contextKey.contains("%") || contextKey.contains("_") || contextKey.contains("\\")) {
            throw new IllegalArgumentException("contextKey must not contain %, _ or \\, was '" + contextKey + "'");
        }
        return db.sql(c -> ImpressionTable.tagged(c, contextKey));
    }

    @Override
    public long count() {
        return db.sql(c -> Jdbc.count(c, "SELECT COUNT(*) FROM searches"));
    }

    @Override
    public List<LogEvent> recent(int n, LogEvent.Kind kind, String text) {
        return db.sql(c -> EventLog.recent(c, n, kind, text));
    }

    @Override
    public OptionalLong lastRoundAfter(String policyId, LogPosition seen) {
        Objects.requireNonNull(seen, "seen");
        return db.sql(c -> EventLog.lastRoundAfter(c, policyId, seen.searchId()));
    }
}
