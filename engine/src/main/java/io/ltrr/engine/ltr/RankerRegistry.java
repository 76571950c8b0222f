package io.ltrr.engine.ltr;

import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RrfRanker;
import java.util.List;

/** The one place where rankers are registered: explicit constructors, no reflection. Ids are stored; never renamed. */
public final class RankerRegistry {
    /** Every ranker id, in display order. */
    public static final List<String> IDS = List.of(RrfRanker.ID, PairwiseLinearRanker.ID, LambdaMartRanker.ID);

    private RankerRegistry() {
    }

    /**
     * A fresh ranker.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public static Ranker create(String id, FeatureExtractor extractor, long seed) {
        return switch (id) {
            case RrfRanker.ID -> new RrfRanker();
            case PairwiseLinearRanker.ID -> new PairwiseLinearRanker(extractor, seed);
            case LambdaMartRanker.ID -> new LambdaMartRanker(extractor, seed);
            default -> throw new IllegalArgumentException("unknown ranker '" + id + "'; known: " + IDS);
        };
    }
}
