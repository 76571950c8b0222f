package io.ltrr.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of a whole query set against a configuration, as stored: its results and the set's mean scores.
 *
 * @param runId        1, 2, … over all sets, assigned on save (0 before)
 * @param setName      the set it ran
 * @param createdAt    when it ran
 * @param description  the configuration, for people
 * @param judgments    the judgment source the means were computed against ("own", "imported:SOURCE", "all")
 * @param ndcg         mean nDCG@10 over the set's queries with a relevant judged item (NaN when none)
 * @param precision    mean P@10, same queries
 * @param mrr          mean MRR@10, same queries
 * @param unjudged     unjudged results in the top 10, over all queries
 * @param snapshotJson the results as a snapshot file's JSON (see the compare package)
 */
public record QuerySetRun(long runId, String setName, Instant createdAt, String description, String judgments,
                          double ndcg, double precision, double mrr, int unjudged, String snapshotJson) {
    public QuerySetRun {
        QuerySet.checkName(setName);
        Objects.requireNonNull(createdAt, "createdAt");
        description = description == null ? "" : description;
        if (description.length() > QuerySet.MAX_ORIGIN_CHARS) {
            description = description.substring(0, QuerySet.MAX_ORIGIN_CHARS);
        }
        Values.requireText(judgments, "judgments");
        if (unjudged < 0) {
            throw new IllegalArgumentException("unjudged must be >= 0, was " + unjudged);
        }
        Objects.requireNonNull(snapshotJson, "snapshotJson");
    }
}
