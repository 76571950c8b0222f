package io.ltrr.engine.store;

import java.util.List;
import java.util.Optional;

/**
 * Logs of other systems imported into the store, by source name: UBI (User Behavior Insights) logs of queries and
 * events. A source holds one log; storing it again replaces it whole, in one transaction.
 */
public interface ImportedLogs {
    /** The format name of a UBI log. */
    String UBI = "ubi";

    /**
     * Stores a UBI log under {@code source} in one transaction. A source that holds a log already keeps it unless
     * {@code replace} is given: then the old log is deleted and the new one stored in the same transaction.
     *
     * @return the log that was replaced, if any
     * @throws IllegalArgumentException for a bad source name ({@link Judgment#checkSource}), or when the source holds
     *                                  a log already and {@code replace} is false
     */
    Optional<ImportedLog> storeUbi(String source, UbiLog log, boolean replace);

    /** The imported log of that source, if any. */
    Optional<ImportedLog> find(String source);

    /** Every imported log, by source (code point order). */
    List<ImportedLog> all();

    /** A source's UBI log, queries and events in their files' order; empty when the source holds none. */
    Optional<UbiLog> ubi(String source);

    /** Deletes a source's log; false when there was none. */
    boolean delete(String source);
}
