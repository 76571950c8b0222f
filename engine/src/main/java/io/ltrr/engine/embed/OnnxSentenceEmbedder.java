package io.ltrr.engine.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A langchain4j in-process ONNX sentence model as a {@link TextEmbedder}: vectors L2-normalized so that dot
 * product equals cosine similarity; queries get the model's retrieval prefix (empty for symmetric models).
 */
abstract class OnnxSentenceEmbedder implements TextEmbedder {
    private final EmbeddingModel model;
    private final String queryPrefix;

    OnnxSentenceEmbedder(EmbeddingModel model, String queryPrefix) {
        this.model = model;
        this.queryPrefix = queryPrefix;
    }

    @Override
    public float[] embed(String text) {
        return normalized(model.embed(safe(text)).content());
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(query == null || query.isBlank() ? query : queryPrefix + query);
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
