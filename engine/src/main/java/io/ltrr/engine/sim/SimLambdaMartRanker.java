package io.ltrr.engine.sim;

import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.ltr.FeatureMatrix;
import io.ltrr.engine.ltr.LambdaMartRanker;
import io.ltrr.engine.ltr.RankingExample;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.rank.RrfRanker;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link LambdaMartRanker} retrained periodically in a simulation, as an operator would run {@code ltrr ranker
 * train}: every {@link #TRAIN_EVERY} rounds from scratch on the seen items of every round so far with a click
 * (label 1 clicked, 0 not: the log's labels without ratings; not position-debiased). Until its first training it
 * ranks by reciprocal-rank fusion, as the live system does before a model exists.
 */
public final class SimLambdaMartRanker extends ClickTrainedRanker {
    /** Rounds between trainings: training cost grows with the log, so not every round. */
    static final int TRAIN_EVERY = 1000;

    private final LambdaMartRanker model;
    private final RrfRanker untrained = new RrfRanker();
    private final List<RankingExample> examples = new ArrayList<>();
    private long rounds;

    SimLambdaMartRanker(FeatureExtractor extractor, long seed) {
        super(extractor);
        this.model = new LambdaMartRanker(extractor, seed);
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    protected List<RankedItem> rank(RankingInput input, FeatureMatrix features, int n) {
        return model.trained() ? model.rank(input, features, n) : untrained.rank(input, n);
    }

    @Override
    protected void learn(String query, List<RankingExample> seen) {
        rounds++;
        // Rounds without a click (or where everything was clicked) teach no order; the trainer would skip them.
        if (seen.stream().mapToInt(RankingExample::label).distinct().count() > 1) {
            examples.addAll(seen);
        }
        if (rounds % TRAIN_EVERY == 0 && !examples.isEmpty()) {
            model.train(examples);
        }
    }
}
