package io.ltrr.engine.store;

import java.util.List;
import java.util.Optional;

/** Named query sets and their runs. Every write is one transaction, durable when it returns. */
public interface QuerySets {
    /**
     * Stores a new set; its created time is the store's clock's.
     *
     * @throws IllegalArgumentException when a set of that name exists
     */
    QuerySet create(String name, String origin, List<String> queries);

    /** The set of that name, if any. */
    Optional<QuerySet> find(String name);

    /** Every set, by name. */
    List<QuerySet> list();

    /** Deletes a set with its runs; false when there was none of that name. */
    boolean delete(String name);

    /**
     * Stores a run of a set (its run id and created time are assigned here) and returns it as stored.
     *
     * @throws IllegalArgumentException when the set does not exist
     */
    QuerySetRun saveRun(QuerySetRun run);

    /** A set's runs, oldest first (empty for an unknown set). */
    List<QuerySetRun> runs(String name);

    /** A run by id. */
    Optional<QuerySetRun> run(long runId);

    /** Every distinct query text of the search log (trimmed) with how often it was searched, most frequent first, ties by text. */
    List<QueryCount> loggedQueries();
}
