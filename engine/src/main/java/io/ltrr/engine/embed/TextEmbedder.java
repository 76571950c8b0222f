package io.ltrr.engine.embed;

import java.util.List;

/** Turns text into a unit-length dense vector. Implementations are thread-safe. */
public interface TextEmbedder {
    /** Stable name of the model, part of an index fingerprint. */
    String modelId();

    int dimension();

    float[] embed(String text);

    /**
     * Embeds a search query: the same as {@link #embed} for a symmetric model; an asymmetric retrieval model adds
     * the instruction it was trained with for queries (bge: "Represent this sentence for searching relevant
     * passages: "). Documents are always embedded with {@link #embed} / {@link #embedAll}.
     */
    default float[] embedQuery(String query) {
        return embed(query);
    }

    /** Embeds many texts, possibly in parallel; the result is in input order. */
    List<float[]> embedAll(List<String> texts);
}
