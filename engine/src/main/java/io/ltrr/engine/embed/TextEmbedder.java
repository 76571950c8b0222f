package io.ltrr.engine.embed;

import java.util.List;

/** Turns text into a unit-length dense vector. Implementations are thread-safe. */
public interface TextEmbedder {
    /** Stable name of the model, part of an index fingerprint. */
    String modelId();

    int dimension();

    float[] embed(String text);

    /** Embeds many texts, possibly in parallel; the result is in input order. */
    List<float[]> embedAll(List<String> texts);
}
