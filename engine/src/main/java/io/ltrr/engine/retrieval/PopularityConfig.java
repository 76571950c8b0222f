package io.ltrr.engine.retrieval;

/**
 * How strongly {@code bm25-pop} favours popular items: the lexical score plus
 * {@code weight · p / (p + pivot)} (Lucene FeatureField saturation) for popularity p in [0, 1].
 */
public record PopularityConfig(float weight, float pivot) {
    public PopularityConfig {
        if (!(weight > 0) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be > 0, was " + weight);
        }
        if (!(pivot > 0) || Float.isInfinite(pivot)) {
            throw new IllegalArgumentException("pivot must be > 0, was " + pivot);
        }
    }

    /** A popularity bonus of up to 4 points, half of it at popularity 0.5. */
    public static PopularityConfig defaults() {
        return new PopularityConfig(4.0f, 0.5f);
    }
}
