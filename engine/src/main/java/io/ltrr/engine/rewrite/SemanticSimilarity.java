package io.ltrr.engine.rewrite;

import io.ltrr.engine.embed.TextEmbedder;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How close two normalized queries are in meaning, in [-1, 1] (cosine of their sentence embeddings). Used by
 * {@link ReformulationDetector} only when the lexical tests find nothing, so it catches the reformulations they
 * cannot see ("sad songs" → "melancholy ballads"). The workbench gives one that uses its index's query embedder
 * when the index has vectors and returns 0 otherwise. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SemanticSimilarity {
    /** No embedder: never similar (the detector then decides on the lexical tests alone). */
    SemanticSimilarity NONE = (a, b) -> 0;

    double similarity(String a, String b);

    /**
     * The cosine of the two texts' embeddings. The embedder is asked for on the first comparison, so a detector
     * that never needs it never loads the model.
     */
    static SemanticSimilarity of(Supplier<TextEmbedder> embedder) {
        Objects.requireNonNull(embedder, "embedder");
        return (a, b) -> {
            TextEmbedder e = embedder.get();
            return QuerySimilarity.cosine(e.embed(a), e.embed(b));
        };
    }
}
