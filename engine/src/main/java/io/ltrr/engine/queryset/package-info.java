/**
 * Query sets' pure parts: reading a query file, sampling the search log's queries, scoring result lists against
 * judgments. No store and no services: the offline {@code QuerySetService} and the compare package's
 * {@code QuerySetBench} put them to work.
 */
package io.ltrr.engine.queryset;
