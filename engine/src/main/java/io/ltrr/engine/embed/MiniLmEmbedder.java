package io.ltrr.engine.embed;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (quantized) run in-process with ONNX Runtime. The model ships inside a Maven jar:
 * nothing is downloaded at run time. Vectors are L2-normalized so dot product equals cosine similarity.
 * A symmetric model: queries are embedded as they are.
 */
public final class MiniLmEmbedder extends OnnxSentenceEmbedder {
    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    private static final int DIMENSION = 384;

    public MiniLmEmbedder() {
        super(new AllMiniLmL6V2QuantizedEmbeddingModel(), "");
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
