package io.ltrr.engine.embed;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The embedder factory: each {@link EmbeddingModelKind} loaded once per process, on first use (a model is tens of
 * megabytes of ONNX weights and immutable, so every index and workbench of the process can share it), and the
 * choice of embedder for an index built with a given model.
 */
public final class Embedders {
    private static final Map<EmbeddingModelKind, TextEmbedder> LOADED = new EnumMap<>(EmbeddingModelKind.class);

    private Embedders() {
    }

    /** The process's instance of a model, loaded on the first call. */
    public static TextEmbedder shared(EmbeddingModelKind model) {
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(model, EmbeddingModelKind::load);
        }
    }

    /**
     * The embedder for an index of the given model: {@code fallback} (the caller's embedder of the default model,
     * which tests may replace) for the default model, the shared instance for any other.
     */
    public static Supplier<TextEmbedder> forModel(EmbeddingModelKind model, Supplier<TextEmbedder> fallback) {
        return model == EmbeddingModelKind.defaultModel() ? fallback : () -> shared(model);
    }

    /**
     * The embedder for an index that recorded {@code modelId}: the shared instance of a known non-default model,
     * else {@code fallback} (the default model, or whatever embedder the caller built the index with).
     */
    public static Supplier<TextEmbedder> forModelId(String modelId, Supplier<TextEmbedder> fallback) {
        return EmbeddingModelKind.fromModelId(modelId).map(m -> forModel(m, fallback)).orElse(fallback);
    }
}
