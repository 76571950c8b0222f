package io.ltrr.engine.index;

import io.ltrr.engine.embed.EmbeddingModelKind;
import java.util.Objects;

/**
 * How an index is built. Part of the index fingerprint: a change rebuilds the index.
 *
 * @param analyzer       text analysis for all text fields
 * @param embeddings     whether to compute sentence embeddings (needed by the dense arm)
 * @param embeddingModel the sentence-embedding model of the vectors (and of the dense arm's queries); its model
 *                       id is stored with the index and is part of the fingerprint (ADR 0015)
 */
public record IndexSettings(AnalyzerKind analyzer, boolean embeddings, EmbeddingModelKind embeddingModel) {
    public IndexSettings {
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
    }

    /** With the default embedding model. */
    public IndexSettings(AnalyzerKind analyzer, boolean embeddings) {
        this(analyzer, embeddings, EmbeddingModelKind.defaultModel());
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
        return new IndexSettings(analyzer, on, embeddingModel);
    }

    /**
     * With the embedding model of that name ("minilm", "bge-small").
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public IndexSettings withEmbeddingModel(String name) {
        return withEmbeddingModel(EmbeddingModelKind.fromName(name));
    }

    public IndexSettings withEmbeddingModel(EmbeddingModelKind model) {
        return new IndexSettings(analyzer, embeddings, model);
    }
}
