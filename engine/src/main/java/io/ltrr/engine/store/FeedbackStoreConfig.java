package io.ltrr.engine.store;

/**
 * Settings of a feedback store.
 *
 * @param q2eAlpha        α of the Q2E smoothing (clicks + α·pred)/(impressions + α): how many impressions the
 *                        metadata prediction is worth; &gt; 0
 * @param historyToKeep   how many snapshots per policy (and model versions per ranker) are kept, the latest
 *                        included; &gt;= 1
 */
public record FeedbackStoreConfig(double q2eAlpha, int historyToKeep) {
    public FeedbackStoreConfig {
        if (!(q2eAlpha > 0) || !Double.isFinite(q2eAlpha)) {
            throw new IllegalArgumentException("q2eAlpha must be a finite number > 0, was " + q2eAlpha);
        }
        if (historyToKeep < 1) {
            throw new IllegalArgumentException("historyToKeep must be >= 1, was " + historyToKeep);
        }
    }

    /** α = 5, five snapshots kept. */
    public static FeedbackStoreConfig defaults() {
        return new FeedbackStoreConfig(5, 5);
    }
}
