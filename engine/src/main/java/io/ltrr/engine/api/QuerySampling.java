package io.ltrr.engine.api;

import java.util.Locale;

/**
 * How a query set is sampled from the search log's distinct queries (as OpenSearch Search Relevance Workbench
 * samples UBI queries).
 */
public enum QuerySampling {
    /** The N most searched queries (ties by text). */
    FREQUENT,
    /** N distinct queries drawn uniformly at random, seeded. */
    RANDOM,
    /** N distinct queries drawn without replacement with probability proportional to how often each was searched, seeded. */
    PROPORTIONAL;

    /** "frequent", "random" or "proportional", case-insensitive. */
    public static QuerySampling parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("strategy must be frequent, random or proportional, was '" + text + "'");
        }
    }

    /** The lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
