package io.ltrr.engine.sim;

import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.ltr.FeatureMatrix;
import io.ltrr.engine.ltr.FeatureRanker;
import io.ltrr.engine.ltr.RankingExample;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import java.util.ArrayList;
import java.util.List;

/**
 * A learned ranker inside a simulation: ranks each round with a {@link FeatureRanker} over the round's features and
 * learns from the round's simulated clicks afterwards, as the live system learns from logged clicks. It keeps the
 * features of the last {@link #rank} call (as {@code RankerService} keeps them to log with the impression), so
 * {@link #learn} must follow the {@code rank} call of the same round. Deterministic; not thread-safe (a world
 * plays one round at a time).
 */
public abstract sealed class ClickTrainedRanker implements Ranker permits SimPairwiseRanker, SimLambdaMartRanker {
    private final FeatureExtractor extractor;
    private FeatureMatrix last;

    protected ClickTrainedRanker(FeatureExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public final List<RankedItem> rank(RankingInput input, int n) {
        last = extractor.extract(input);
        return rank(input, last, n);
    }

    /** Ranks with this round's features. */
    protected abstract List<RankedItem> rank(RankingInput input, FeatureMatrix features, int n);

    /**
     * Learns from what the user of the round saw and clicked.
     *
     * @param round     the round (the query group of its examples)
     * @param query     the normalized query
     * @param seen      the items the user saw, top first (the shown list cut to the device's depth)
     * @param clickedAt the 0-based positions clicked
     */
    public final void learn(long round, String query, List<String> seen, int[] clickedAt) {
        if (last == null || seen.isEmpty()) {
            return;
        }
        boolean[] clicked = new boolean[seen.size()];
        for (int k : clickedAt) {
            clicked[k] = true;
        }
        List<RankingExample> examples = new ArrayList<>(seen.size());
        for (int k = 0; k < seen.size(); k++) {
            // Labels as the live log has them without ratings: 1 when clicked, else 0.
            examples.add(new RankingExample(round, seen.get(k), k + 1, last.row(seen.get(k)), clicked[k] ? 1 : 0,
                    clicked[k]));
        }
        last = null;
        learn(query, examples);
    }

    /** Learns from one round's seen items (positions 1…, click flags and labels set). */
    protected abstract void learn(String query, List<RankingExample> seen);
}
