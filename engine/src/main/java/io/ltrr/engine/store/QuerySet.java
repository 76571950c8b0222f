package io.ltrr.engine.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A named, ordered list of distinct queries, scored and run as a whole.
 *
 * @param name      1..{@value #MAX_NAME_CHARS} characters, no control characters
 * @param createdAt when it was stored
 * @param origin    how it was made, for people ("typed", "file queries.txt", "sample frequent 20 seed 7")
 * @param queries   the queries in set order, each once, none blank
 */
public record QuerySet(String name, Instant createdAt, String origin, List<String> queries) {
    /** Longest set name. */
    public static final int MAX_NAME_CHARS = 256;
    /** Longest origin text kept. */
    public static final int MAX_ORIGIN_CHARS = 1024;

    public QuerySet {
        checkName(name);
        Objects.requireNonNull(createdAt, "createdAt");
        origin = origin == null ? "" : origin;
        if (origin.length() > MAX_ORIGIN_CHARS) {
            origin = origin.substring(0, MAX_ORIGIN_CHARS);
        }
        queries = List.copyOf(queries);
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("queries: a query set needs at least one query");
        }
        HashSet<String> seen = new HashSet<>();
        for (String q : queries) {
            Values.requireText(q, "queries");
            if (!seen.add(q)) {
                throw new IllegalArgumentException("queries: '" + q + "' is listed twice");
            }
        }
    }

    /**
     * Checks a set name: not blank, at most {@value #MAX_NAME_CHARS} characters, no control characters, no
     * leading or trailing space.
     *
     * @throws IllegalArgumentException naming the field and what is wrong
     */
    public static String checkName(String name) {
        Values.requireText(name, "name");
        if (name.length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("name: a query set name is at most " + MAX_NAME_CHARS
                    + " characters, was " + name.length());
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: a query set name may not contain control characters");
        }
        if (!name.equals(name.strip())) {
            throw new IllegalArgumentException("name: a query set name may not start or end with spaces");
        }
        return name;
    }
}
