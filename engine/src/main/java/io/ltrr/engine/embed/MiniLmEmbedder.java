package io.ltrr.engine.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized) run in-process with ONNX Runtime. The model ships inside a Maven jar:
 * nothing is downloaded at run time. Vectors are L2-normalized so dot product equals cosine similarity.
 */
public final class MiniLmEmbedder implements TextEmbedder {
    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    private static final int DIMENSION = 384;

    private final EmbeddingModel model;

    public MiniLmEmbedder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        return normalized(model.embed(safe(text)).content());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(safe(t)));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(normalized(e));
        }
        return out;
    }

    /** The tokenizer rejects blank text; "." embeds to the model's "empty" vector. */
    private static String safe(String text) {
        return text == null || text.isBlank() ? "." : text;
    }

    private static float[] normalized(Embedding e) {
        float[] v = e.vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }
}
