package io.ltrr.engine.eval;

/**
 * One retrieved document of a run and the score the system gave it.
 *
 * @param docId document id, never blank
 * @param score retrieval score, higher is better; any finite or infinite value, never NaN (NaN has no
 *              place in a score order)
 */
public record ScoredDoc(String docId, double score) {
    public ScoredDoc {
        if (docId == null || docId.isBlank()) {
            throw new IllegalArgumentException("docId must not be blank");
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score of document '" + docId + "' is NaN");
        }
    }
}
