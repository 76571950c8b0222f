package io.ltrr.engine.embed;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sentence-embedding models an index can be built with (ADR 0002, 0015). Each ships inside a Maven jar and runs
 * in-process; the {@link #cliName()} is what {@code index --embedding-model} takes, the {@link #modelId()} what the
 * index stores and fingerprints.
 */
public enum EmbeddingModelKind {
    /** all-MiniLM-L6-v2, quantized: the default (symmetric, no query prefix). */
    MINILM("minilm", MiniLmEmbedder.MODEL_ID, MiniLmEmbedder::new),
    /** bge-small-en-v1.5, quantized: asymmetric retrieval, queries carry {@link BgeSmallEmbedder#QUERY_PREFIX}. */
    BGE_SMALL("bge-small", BgeSmallEmbedder.MODEL_ID, BgeSmallEmbedder::new);

    private final String cliName;
    private final String modelId;
    private final Supplier<TextEmbedder> loader;

    EmbeddingModelKind(String cliName, String modelId, Supplier<TextEmbedder> loader) {
        this.cliName = cliName;
        this.modelId = modelId;
        this.loader = loader;
    }

    public String cliName() {
        return cliName;
    }

    public String modelId() {
        return modelId;
    }

    /** Loads the model (hundreds of milliseconds; see {@link Embedders} for the shared, loaded-once instances). */
    TextEmbedder load() {
        return loader.get();
    }

    /** The default model of every index that does not name one. */
    public static EmbeddingModelKind defaultModel() {
        return MINILM;
    }

    /**
     * The model of a name as the command line spells it ("minilm", "bge-small"), case-insensitively.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static EmbeddingModelKind fromName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.cliName.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("embedding model: unknown '" + name + "'; known: "
                        + Arrays.stream(values()).map(EmbeddingModelKind::cliName).toList()));
    }

    /** The model an index recorded by its model id, when it is one of these. */
    public static Optional<EmbeddingModelKind> fromModelId(String modelId) {
        return Arrays.stream(values()).filter(m -> m.modelId.equals(modelId)).findFirst();
    }
}
