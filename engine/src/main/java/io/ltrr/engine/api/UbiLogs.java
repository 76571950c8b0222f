package io.ltrr.engine.api;

import io.ltrr.engine.clicks.ClickSession;
import io.ltrr.engine.store.ImportedLog;
import java.nio.file.Path;
import java.util.List;

/**
 * User Behavior Insights (UBI 1.x) logs: imported from other systems (as OpenSearch's UBI plugin writes them) into
 * the data folder's store, read back as click sessions, and the workbench's own log written as UBI.
 */
public interface UbiLogs {
    /**
     * Reads a UBI query file and event file (each NDJSON or a JSON array) and stores their valid records as the
     * imported log {@code source}, in one transaction. Records that cannot be read are skipped and come back as
     * problems; hit and object ids are matched against the catalog (when it is indexed) and the unknown ones
     * counted. A queries file without a valid query stores nothing.
     *
     * @param replace replace the log the source holds; without it a source that holds one is refused
     * @throws IllegalArgumentException for a bad source name, or a source that holds a log already (without
     *                                  {@code replace})
     * @throws java.io.UncheckedIOException when a file cannot be read, or is not NDJSON or a JSON array as a whole
     */
    UbiImport importLog(Path queries, Path events, String source, boolean replace);

    /**
     * Writes the workbench's own log as UBI NDJSON: every search as a query, every click and rating as an event
     * ({@link io.ltrr.engine.ubi.UbiWriter} says how). Both files are replaced.
     */
    UbiExport exportLog(Path queries, Path events);

    /**
     * An imported UBI log as click sessions, one per query in the log's order.
     *
     * @throws IllegalArgumentException when no UBI log was imported under that name
     */
    List<ClickSession> clickSessions(String source);

    /** The imported logs, by source. */
    List<ImportedLog> imported();
}
