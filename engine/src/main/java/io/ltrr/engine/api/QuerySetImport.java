package io.ltrr.engine.api;

import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.store.QuerySet;
import java.util.List;
import java.util.Objects;

/**
 * A query set created from a file, and the lines it skipped.
 *
 * @param set      the stored set
 * @param problems skipped lines, each naming file, line and reason (a blank, over-long or repeated query, …)
 */
public record QuerySetImport(QuerySet set, List<LoadProblem> problems) {
    public QuerySetImport {
        Objects.requireNonNull(set, "set");
        problems = List.copyOf(problems);
    }
}
