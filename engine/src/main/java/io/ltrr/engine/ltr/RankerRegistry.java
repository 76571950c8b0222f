package io.ltrr.engine.ltr;

import io.ltrr.engine.rank.FusionConfig;
import io.ltrr.engine.rank.FusionRanker;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RrfRanker;
import java.util.List;

/** The one place where rankers are registered: explicit constructors, no reflection. Ids are stored; never renamed. */
public final class RankerRegistry {
    /** Every ranker id, in display order. */
    public static final List<String> IDS = List.of(RrfRanker.ID, PairwiseLinearRanker.ID, LambdaMartRanker.ID,
            FusionRanker.ID);
    /**
     * The fusion whose weights and technique an offline evaluation learns by a sweep on its training queries
     * ({@code ltrr eval --ranker fusion:sweep}); it has no meaning online, where a fixed spec is used.
     */
    public static final String FUSION_SWEEP = FusionRanker.ID + ":sweep";

    private RankerRegistry() {
    }

    /**
     * Whether {@code id} names a ranker: a registered id, a fusion spec ({@code fusion:l2:harmonic},
     * {@code fusion:rrf:k=20}, …) or, when {@code offline}, the swept fusion.
     *
     * @throws IllegalArgumentException when it does not, with what is wrong and the known ids
     */
    public static void requireKnown(String id, boolean offline) {
        if (IDS.contains(id) || (offline && id.equals(FUSION_SWEEP))) {
            return;
        }
        if (FusionConfig.isSpec(id)) {
            FusionConfig.parse(id);
            return;
        }
        throw new IllegalArgumentException("unknown ranker '" + id + "'; known: " + IDS
                + (offline ? " and " + FUSION_SWEEP : "") + ", or a fusion spec such as fusion:l2:geometric, "
                + "fusion:rrf:k=20, fusion:min-max:arithmetic:bm25=0.3,dense=0.7");
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
            case FusionRanker.ID -> new FusionRanker();
            case FUSION_SWEEP -> throw new IllegalArgumentException(FUSION_SWEEP + " learns its weights offline on a "
                    + "training split (ltrr eval --ranker " + FUSION_SWEEP + "); use the fusion spec it reports");
            default -> {
                if (FusionConfig.isSpec(id)) {
                    yield new FusionRanker(FusionConfig.parse(id));
                }
                requireKnown(id, false);
                throw new IllegalArgumentException("unknown ranker '" + id + "'");
            }
        };
    }
}
