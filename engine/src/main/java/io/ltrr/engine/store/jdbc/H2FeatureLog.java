package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeatureLog;
import io.ltrr.engine.store.LoggedFeatures;
import io.ltrr.engine.store.SearchIds;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** {@link FeatureLog} in tables {@code feature_sets} and {@code logged_features}. */
final class H2FeatureLog implements FeatureLog {
    private final StoreDatabase db;
    private final Clock clock;

    H2FeatureLog(StoreDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String recordFeatures(String searchId, List<String> names, Map<String, double[]> rows) {
        long id = SearchIds.parse(searchId);
        List<String> copy = List.copyOf(names);
        Map<String, double[]> rowsCopy = new LinkedHashMap<>(rows);
        return db.sql(c -> {
            try {
                return db.dialect().recoverable(c,
                        () -> FeatureTable.record(c, db.dialect(), id, copy, rowsCopy, clock.instant()));
            } catch (SQLException e) {
                if (db.dialect().isMissingParent(e)) {
                    throw new IllegalArgumentException("features name an item not shown in search " + searchId, e);
                }
                throw e;
            }
        });
    }

    @Override
    public void forEachLoggedFeatures(String searchId, Consumer<LoggedFeatures> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        Long id = searchId == null ? null : SearchIds.parse(searchId);
        db.read(c -> {
            FeatureTable.forEach(c, id, consumer);
            return null;
        });
    }
}
