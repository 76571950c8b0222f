package io.ltrr.engine.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code ltrr store migrate} did: the rows of each table in the folder's H2 store and in the PostgreSQL
 * database afterwards (equal when it succeeded), and whether the database held them already.
 *
 * @param to              the database, as its JDBC URL without parameters
 * @param alreadyMigrated the database held exactly the folder's rows; nothing was written
 * @param tables          per table, in copy order
 */
public record StoreMigrationReport(String to, boolean alreadyMigrated, Map<String, TableCount> tables) {
    public StoreMigrationReport {
        Objects.requireNonNull(to, "to");
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** Rows of one table in each store. */
    public record TableCount(long h2, long postgresql) {
    }

    /** Rows copied (or found) in all. */
    public long rows() {
        return tables.values().stream().mapToLong(TableCount::postgresql).sum();
    }
}
