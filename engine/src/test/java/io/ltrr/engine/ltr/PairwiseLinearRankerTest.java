package io.ltrr.engine.ltr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Synthetic click logs under the position-based model: a logging ranker orders by a decoy feature that has
 * nothing to do with relevance, and users examine position k with probability 1/k. Clicks then correlate with the
 * decoy only because decoy-rich items sit on top; propensity weighting has to undo that.
 */
class PairwiseLinearRankerTest {
    static final long SEED = 20250301L;
    static final int REL = FeatureExtractor.NAMES.indexOf("bm25.title");
    static final int DECOY = FeatureExtractor.NAMES.indexOf("item.popularity");
    static final int LIST = 10;

    static double[] x(double rel, double decoy) {
        double[] x = new double[FeatureExtractor.NAMES.size()];
        x[REL] = rel;
        x[DECOY] = decoy;
        return x;
    }

    /** One search: items with independent relevance and decoy values, shown by decoy descending, clicked per PBM. */
    static List<RankingExample> search(long qid, SplittableRandom random) {
        List<double[]> items = new ArrayList<>();
        for (int i = 0; i < LIST; i++) {
            items.add(x(random.nextInt(2), random.nextDouble()));
        }
        items.sort((a, b) -> Double.compare(b[DECOY], a[DECOY]));
        List<RankingExample> out = new ArrayList<>();
        for (int k = 1; k <= LIST; k++) {
            double[] xi = items.get(k - 1);
            double pRelevant = 0.1 + 0.8 * xi[REL];
            boolean click = random.nextDouble() < 1.0 / k && random.nextDouble() < pRelevant;
            out.add(new RankingExample(qid, "i" + k, k, xi, click ? 1 : 0, click));
        }
        return out;
    }

    static List<List<RankingExample>> log(int searches) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<List<RankingExample>> log = new ArrayList<>();
        for (int q = 0; q < searches; q++) {
            log.add(search(q, random));
        }
        return log;
    }

    static PairwiseLinearRanker learn(List<List<RankingExample>> log, PositionPropensities p) {
        PairwiseLinearRanker r = new PairwiseLinearRanker(null, SEED);
        r.setPropensities(p);
        log.forEach(r::learnClicks);
        return r;
    }

    static double[] theta(double... t) {
        return t;
    }

    @Test
    void propensityWeightingRemovesTheDecoyThatNaiveClickLearningPicksUp() {
        List<List<RankingExample>> log = log(4000);
        double[] trueTheta = new double[LIST];
        for (int k = 0; k < LIST; k++) {
            trueTheta[k] = 1.0 / (k + 1);
        }
        double[] naive = learn(log, PositionPropensities.none()).weights();
        double[] ipw = learn(log, new PositionPropensities(trueTheta)).weights();

        // Without correction the decoy looks as useful as relevance (top positions get the clicks) …
        assertThat(naive[DECOY]).isGreaterThan(0.5 * naive[REL]);
        // … with 1/θ_k weights it is close to irrelevant next to the real signal.
        assertThat(Math.abs(ipw[DECOY])).isLessThan(0.25 * ipw[REL]);
        assertThat(Math.abs(ipw[DECOY]) / ipw[REL]).isLessThan(Math.abs(naive[DECOY]) / naive[REL] / 2);
    }

    @Test
    void emEstimatesThePositionCurveFromALogWhereItemsMoveBetweenPositions() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<PositionPropensities.Observation> obs = new ArrayList<>();
        double[] gamma = new double[30];
        for (int d = 0; d < gamma.length; d++) {
            gamma[d] = random.nextDouble();
        }
        for (int s = 0; s < 20_000; s++) {
            // A few queries whose items the bandit shows in varying orders (position independent of relevance).
            int q = random.nextInt(3);
            List<Integer> docs = new ArrayList<>();
            for (int d = 0; d < 10; d++) {
                docs.add(q * 10 + d);
            }
            for (int i = docs.size() - 1; i > 0; i--) {
                java.util.Collections.swap(docs, i, random.nextInt(i + 1));
            }
            for (int k = 1; k <= 5; k++) {
                int d = docs.get(k - 1);
                boolean click = random.nextDouble() < 1.0 / k && random.nextDouble() < gamma[d];
                obs.add(new PositionPropensities.Observation("q" + q, "d" + d, k, click));
            }
        }
        double[] est = PositionPropensities.estimate(obs, 5).theta();
        for (int k = 0; k < 5; k++) {
            assertThat(est[k]).as("theta at position %d", k + 1).isCloseTo(1.0 / (k + 1), within(0.05));
        }
    }

    @Test
    void explanationSumsToTheScoreAndSnapshotRoundTrips() {
        PairwiseLinearRanker r = learn(log(200), PositionPropensities.none());
        double[] x = x(1, 0.3);
        ScoreExplanation e = r.explainScore(x);
        double sum = e.details().stream().mapToDouble(ScoreExplanation::value).sum();
        assertThat(sum).isCloseTo(e.value(), within(1e-9));

        PairwiseLinearRanker copy = new PairwiseLinearRanker(null, SEED);
        copy.restore(r.snapshot());
        assertThat(copy.weights()).containsExactly(r.weights());
        assertThat(copy.updates()).isEqualTo(r.updates());
        assertThat(copy.explainScore(x).value()).isEqualTo(e.value());
    }

    @Test
    void offlineTrainingOnJudgmentsIsDeterministicAndPrefersRelevant() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<RankingExample> ex = new ArrayList<>();
        for (int q = 0; q < 50; q++) {
            for (int i = 0; i < 8; i++) {
                double rel = random.nextInt(2);
                ex.add(new RankingExample(q, "d" + i, 0, x(rel, random.nextDouble()), (int) rel, false));
            }
        }
        PairwiseLinearRanker a = new PairwiseLinearRanker(null, SEED);
        PairwiseLinearRanker b = new PairwiseLinearRanker(null, SEED);
        a.train(ex);
        b.train(ex);
        assertThat(a.weights()).containsExactly(b.weights());
        assertThat(a.weights()[REL]).isGreaterThan(Math.abs(a.weights()[DECOY]) * 3);
    }
}
