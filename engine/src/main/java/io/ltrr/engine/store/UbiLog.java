package io.ltrr.engine.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An imported UBI log: its queries and its events, each in the order of their files.
 *
 * @throws IllegalArgumentException when two queries share a query id
 */
public record UbiLog(List<UbiQuery> queries, List<UbiEvent> events) {
    public UbiLog {
        queries = List.copyOf(queries);
        events = List.copyOf(events);
        Set<String> ids = new HashSet<>();
        for (UbiQuery q : queries) {
            if (!ids.add(q.queryId())) {
                throw new IllegalArgumentException("query_id '" + q.queryId() + "' is given twice");
            }
        }
    }
}
