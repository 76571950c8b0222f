package io.ltrr.engine.embed;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * bge-small-en-v1.5 (quantized) run in-process with ONNX Runtime, from its Maven jar (ADR 0015). An asymmetric
 * retrieval model: passages are embedded as they are, queries with the instruction its authors give for
 * short-query-to-passage retrieval ({@link #QUERY_PREFIX}). Vectors are L2-normalized.
 */
public final class BgeSmallEmbedder extends OnnxSentenceEmbedder {
    public static final String MODEL_ID = "bge-small-en-v1.5-q";
    /** The retrieval instruction of the BGE v1.5 model card, prepended to queries only. */
    public static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";
    private static final int DIMENSION = 384;

    public BgeSmallEmbedder() {
        super(new BgeSmallEnV15QuantizedEmbeddingModel(), QUERY_PREFIX);
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }
}
