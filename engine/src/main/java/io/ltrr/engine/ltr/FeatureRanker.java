package io.ltrr.engine.ltr;

import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ranker that scores each candidate from its features alone. Subclasses give the score with its
 * explanation; ties keep the union's first-seen order, as {@link io.ltrr.engine.rank.RrfRanker} does.
 */
public abstract class FeatureRanker implements TrainableRanker {
    private final FeatureExtractor extractor;

    protected FeatureRanker(FeatureExtractor extractor) {
        this.extractor = extractor;
    }

    /** The score of one feature vector, explained as contributions that sum to it. */
    protected abstract ScoreExplanation explainScore(double[] x);

    /** Scores of many vectors at once (batch scorers override this). */
    protected List<ScoreExplanation> explainScores(List<double[]> xs) {
        List<ScoreExplanation> out = new ArrayList<>(xs.size());
        xs.forEach(x -> out.add(explainScore(x)));
        return out;
    }

    @Override
    public List<RankedItem> rank(RankingInput input, int n) {
        return rank(input, extractor.extract(input), n);
    }

    /** Ranks with features already extracted for this input. */
    public List<RankedItem> rank(RankingInput input, FeatureMatrix features, int n) {
        List<String> ids = new ArrayList<>(features.rows().keySet());
        List<double[]> xs = new ArrayList<>(ids.size());
        ids.forEach(id -> xs.add(features.rows().get(id)));
        List<ScoreExplanation> scores = explainScores(xs);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int c = Double.compare(scores.get(b).value(), scores.get(a).value());
            return c != 0 ? c : Integer.compare(a, b);
        });
        List<RankedItem> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, order.size()); i++) {
            int at = order.get(i);
            String id = ids.get(at);
            Map<String, io.ltrr.engine.rank.ArmHit> hits = input.union().get(id);
            out.add(new RankedItem(id, i + 1, scores.get(at).value(), hits, scores.get(at)));
        }
        return out;
    }
}
