package io.ltrr.engine.api;

import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.io.LoadProblem;
import java.util.List;

/**
 * What an index request did.
 *
 * @param stats          the index now in place
 * @param rebuilt        false when the existing index already matched the catalog and settings
 * @param loaded         catalog rows loaded
 * @param problems       catalog rows skipped, with file, line and reason
 * @param catalog        where the catalog came from
 * @param buildMillis    time spent building (0 when not rebuilt)
 * @param reason         why it was rebuilt (forced, no index, catalog or settings changed, damaged), or "up to date"
 */
public record IndexReport(IndexStats stats, boolean rebuilt, int loaded, List<LoadProblem> problems,
                          String catalog, long buildMillis, String reason) {
    public IndexReport {
        problems = List.copyOf(problems);
    }
}
