package io.ltrr.engine.api;

import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.store.ImportedLog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an import of a UBI log did.
 *
 * @param source                 the name it is stored under
 * @param imported               whether it was stored (false when the queries file held no valid query)
 * @param queries                queries stored
 * @param events                 events stored
 * @param hits                   hit ids of the stored queries (shown results, repeats counted)
 * @param clicks                 click events on a stored query
 * @param unplacedClicks         of those, the ones neither their object id nor their ordinal put on a shown result
 * @param eventsOfUnknownQueries events whose query id is not one of the log's queries (events without one are not
 *                               counted: a page view need not follow a query)
 * @param catalogMatched         whether ids were matched against the catalog (false when it is not indexed yet)
 * @param unmatchedHitIds        distinct hit ids the catalog does not have
 * @param unmatchedObjectIds     distinct event object ids the catalog does not have
 * @param unmatchedExamples      a few of the unmatched ids, in the order met
 * @param replaced               the log the source held before, when it was replaced
 * @param problems               the records skipped, each with its file, line and reason
 */
public record UbiImport(String source, boolean imported, int queries, int events, int hits, int clicks,
                        int unplacedClicks, int eventsOfUnknownQueries, boolean catalogMatched, int unmatchedHitIds,
                        int unmatchedObjectIds, List<String> unmatchedExamples,
                        Optional<ImportedLog> replaced, List<LoadProblem> problems) {
    public UbiImport {
        Objects.requireNonNull(source, "source");
        unmatchedExamples = List.copyOf(unmatchedExamples);
        Objects.requireNonNull(replaced, "replaced");
        problems = List.copyOf(problems);
    }
}
