package io.ltrr.engine.sim;

import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.ltr.LambdaMartRanker;
import io.ltrr.engine.ltr.PairwiseLinearRanker;
import io.ltrr.engine.rank.FusionRanker;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RrfRanker;
import java.util.List;
import java.util.function.Supplier;

/** The rankers a catalog simulation can rank with: the baseline, or a learned one trained from the simulated clicks. */
public final class SimRankers {
    /**
     * Ranker ids, in display order; "rrf" is the default and learns nothing (the simulation's original figures);
     * "fusion" (min-max normalised arm scores, arithmetic mean, equal weights) learns nothing either.
     */
    public static final List<String> IDS = List.of(RrfRanker.ID, FusionRanker.ID, PairwiseLinearRanker.ID,
            LambdaMartRanker.ID);

    private SimRankers() {
    }

    /** Fails early for an unknown id (before any index is opened). */
    public static String requireKnown(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("unknown simulation ranker '" + id + "'; known: " + IDS);
        }
        return id;
    }

    /**
     * A fresh ranker for one run.
     *
     * @param features the world's feature extractor (its click memory, no embedding); asked only by learned rankers,
     *                 so the baseline's runs extract no features and stay as fast as before
     */
    static Ranker create(String id, MusicScenario scenario, long seed, Supplier<FeatureExtractor> features) {
        // The rankers' own seed stream: separate from traffic, clicks and the engine, so choosing a ranker moves none.
        long rankerSeed = RandomStreams.mix(seed, -3, 0x4a);
        return switch (requireKnown(id)) {
            case RrfRanker.ID -> new RrfRanker();
            case FusionRanker.ID -> new FusionRanker();
            case PairwiseLinearRanker.ID -> new SimPairwiseRanker(features.get(), rankerSeed,
                    scenario.clickModel().kind().equals(PositionBasedClickModel.ID)
                            ? SimPairwiseRanker.known(scenario.clickModel().positionBias(), scenario.shown()) : null,
                    scenario.shown());
            case LambdaMartRanker.ID -> {
                if (!LambdaMartRanker.available()) {
                    throw new IllegalStateException("lambdamart: XGBoost's native library does not load here");
                }
                yield new SimLambdaMartRanker(features.get(), rankerSeed);
            }
            default -> throw new IllegalArgumentException(id);
        };
    }
}
