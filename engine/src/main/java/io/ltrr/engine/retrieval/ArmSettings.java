package io.ltrr.engine.retrieval;

import java.util.Objects;

/**
 * Settings of the retrieval arms of one index.
 *
 * @param bm25       fields, boosts and parameters of the lexical arms
 * @param popularity   popularity bias of {@code bm25-pop}
 * @param cacheEntries queries whose results each exact arm keeps ({@code bm25}, {@code bm25-pop},
 *                     {@code structured}; see {@link ResultCache}), and whose seeds {@code explore} keeps, 0 for none
 */
public record ArmSettings(Bm25Config bm25, PopularityConfig popularity, int cacheEntries) {
    /** Per arm of a live search: about 3 MB each when full of 100-candidate lists. */
    public static final int DEFAULT_CACHE_ENTRIES = 2048;
    /**
     * Per arm of a simulation, whose arms serve every world and seed of a run ({@code compare}: 12 runs of 10,000
     * rounds ask each arm about 15,500 different queries): at most about 50 MB each when full of 100-candidate lists.
     */
    public static final int SIMULATION_CACHE_ENTRIES = 32_768;

    public ArmSettings {
        Objects.requireNonNull(bm25, "bm25");
        Objects.requireNonNull(popularity, "popularity");
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("cacheEntries must be >= 0, was " + cacheEntries);
        }
    }

    public ArmSettings(Bm25Config bm25, PopularityConfig popularity) {
        this(bm25, popularity, DEFAULT_CACHE_ENTRIES);
    }

    public static ArmSettings music() {
        return new ArmSettings(Bm25Config.music(), PopularityConfig.defaults());
    }

    /** For an English test collection: Anserini's BEIR flat BM25. */
    public static ArmSettings collection() {
        return new ArmSettings(Bm25Config.beirFlat(), PopularityConfig.defaults());
    }

    public ArmSettings withBm25(Bm25Config config) {
        return new ArmSettings(config, popularity, cacheEntries);
    }

    /**
     * The same arms with a simulation's result caches: {@link #SIMULATION_CACHE_ENTRIES} unless these are larger or
     * off (0 stays 0: a benchmark that times searches keeps them off).
     */
    public ArmSettings forSimulation() {
        return cacheEntries == 0 ? this : withCacheEntries(Math.max(cacheEntries, SIMULATION_CACHE_ENTRIES));
    }

    /** The same arms with another result cache capacity (0: every request searches). */
    public ArmSettings withCacheEntries(int entries) {
        return new ArmSettings(bm25, popularity, entries);
    }
}
