package io.ltrr.engine.sim;

import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.ltr.FeatureMatrix;
import io.ltrr.engine.ltr.PairwiseLinearRanker;
import io.ltrr.engine.ltr.PositionPropensities;
import io.ltrr.engine.ltr.RankingExample;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.RankingInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link PairwiseLinearRanker} learning online from simulated clicks exactly as the live system's
 * {@code RankerService.learnClick} does: each click, as it comes, is learned as the clicked item against every
 * other item the user saw, weighted 1/θ_k of the clicked position.
 *
 * <p>θ: when the scenario's click model is position-based, the scenario's known examination probabilities (the
 * truth, floored at {@link PositionPropensities#FLOOR} as the estimator floors them). Otherwise (cascade, where
 * examination depends on the clicks above and no fixed θ exists) θ is estimated as the live system does at training
 * time: {@link PositionPropensities#estimate} over every impression so far, re-estimated every
 * {@link #ESTIMATE_EVERY} rounds; until the first estimate θ = 1 everywhere, as for a new live ranker.
 */
public final class SimPairwiseRanker extends ClickTrainedRanker {
    /** Rounds between re-estimates of θ (when estimated): often enough to settle early, rare enough to be cheap. */
    static final int ESTIMATE_EVERY = 1000;

    private final PairwiseLinearRanker model;
    private final boolean estimate;
    private final int positions;
    private final List<PositionPropensities.Observation> log = new ArrayList<>();
    private long rounds;

    /**
     * @param known     the scenario's examination probabilities, or null to estimate them from the clicks
     * @param positions positions whose θ is estimated (the shown list's length)
     */
    SimPairwiseRanker(FeatureExtractor extractor, long seed, PositionPropensities known, int positions) {
        super(extractor);
        this.model = new PairwiseLinearRanker(extractor, seed);
        this.estimate = known == null;
        this.positions = positions;
        if (known != null) {
            model.setPropensities(known);
        }
    }

    /** θ_k of a position-based click model's bias for positions 1…positions, floored as the estimator floors it. */
    static PositionPropensities known(PositionBias bias, int positions) {
        double[] theta = new double[positions];
        for (int k = 0; k < positions; k++) {
            theta[k] = Math.max(PositionPropensities.FLOOR, Math.min(1, bias.at(k)));
        }
        return new PositionPropensities(theta);
    }

    @Override
    public String id() {
        return model.id();
    }

    /** The model (its weights and θ), for reports and tests. */
    public PairwiseLinearRanker model() {
        return model;
    }

    @Override
    protected List<RankedItem> rank(RankingInput input, FeatureMatrix features, int n) {
        return model.rank(input, features, n);
    }

    @Override
    protected void learn(String query, List<RankingExample> seen) {
        rounds++;
        if (estimate) {
            seen.forEach(e -> log.add(new PositionPropensities.Observation(query, e.itemId(), e.position(),
                    e.clicked())));
            if (rounds % ESTIMATE_EVERY == 0) {
                model.setPropensities(PositionPropensities.estimate(log, positions));
            }
        }
        if (seen.size() < 2) {
            return;
        }
        for (RankingExample click : seen) {
            if (!click.clicked()) {
                continue;
            }
            // One click at a time, only it flagged: the live system learns each click when it is committed.
            List<RankingExample> one = new ArrayList<>(seen.size());
            for (RankingExample e : seen) {
                one.add(new RankingExample(e.qid(), e.itemId(), e.position(), e.x(), e.label(), e == click));
            }
            model.learnClicks(one);
        }
    }
}
