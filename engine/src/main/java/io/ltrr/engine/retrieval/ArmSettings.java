package io.ltrr.engine.retrieval;

import java.util.Objects;

/**
 * Settings of the retrieval arms of one index.
 *
 * @param bm25       fields, boosts and parameters of the lexical arms
 * @param popularity popularity bias of {@code bm25-pop}
 */
public record ArmSettings(Bm25Config bm25, PopularityConfig popularity) {
    public ArmSettings {
        Objects.requireNonNull(bm25, "bm25");
        Objects.requireNonNull(popularity, "popularity");
    }

    public static ArmSettings music() {
        return new ArmSettings(Bm25Config.music(), PopularityConfig.defaults());
    }

    /** For an English test collection: Anserini's BEIR flat BM25. */
    public static ArmSettings collection() {
        return new ArmSettings(Bm25Config.beirFlat(), PopularityConfig.defaults());
    }

    public ArmSettings withBm25(Bm25Config config) {
        return new ArmSettings(config, popularity);
    }
}
