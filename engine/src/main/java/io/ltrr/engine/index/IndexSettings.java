package io.ltrr.engine.index;

import java.util.Objects;

/**
 * How an index is built. Part of the index fingerprint: a change rebuilds the index.
 *
 * @param analyzer   text analysis for all text fields
 * @param embeddings whether to compute sentence embeddings (needed by the dense arm)
 */
public record IndexSettings(AnalyzerKind analyzer, boolean embeddings) {
    public IndexSettings {
        Objects.requireNonNull(analyzer, "analyzer");
    }

    /** Defaults for the music catalog: folding analysis, with embeddings. */
    public static IndexSettings music() {
        return new IndexSettings(AnalyzerKind.FOLDING, true);
    }

    /** Defaults for an English IR test collection (Anserini BEIR flat analysis), with embeddings. */
    public static IndexSettings englishCollection() {
        return new IndexSettings(AnalyzerKind.ENGLISH, true);
    }

    public IndexSettings withEmbeddings(boolean on) {
        return new IndexSettings(analyzer, on);
    }
}
