package io.ltrr.engine.api;

import java.nio.file.Path;

/**
 * What an export of the own log as UBI wrote.
 *
 * @param queriesFile the query file (NDJSON)
 * @param queries     queries written: one per logged search
 * @param eventsFile  the event file (NDJSON)
 * @param events      events written: one per click and one per rating
 */
public record UbiExport(Path queriesFile, int queries, Path eventsFile, int events) {
}
