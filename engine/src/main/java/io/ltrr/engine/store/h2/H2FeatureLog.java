package io.ltrr.engine.store.h2;

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
import org.h2.api.ErrorCode;

/** {@link FeatureLog} in tables {@code feature_sets} and {@code logged_features}. */
final class H2FeatureLog implements FeatureLog {
    private final H2Database db;
    private final Clock clock;

    H2FeatureLog(H2Database db, Clock clock) {
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
                return FeatureTable.record(c, id, copy, rowsCopy, clock.instant());
            } catch (SQLException e) {
                if (e.getErrorCode() == ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1) {
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
        db.sql(c -> {
            FeatureTable.forEach(c, id, consumer);
            return null;
        });
    }
}
