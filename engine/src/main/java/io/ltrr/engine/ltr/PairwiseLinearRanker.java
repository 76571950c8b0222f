package io.ltrr.engine.ltr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Online pairwise linear ranker, score = w·x, trained from clicks with position-bias correction: the
 * propensity-weighted pairwise hinge loss of Joachims, Swaminathan &amp; Schnabel (WSDM 2017, Propensity SVM-Rank).
 * For a click on the item at position k, every other shown item should score at least a margin lower; the pair's gradient step is weighted by 1/θ_k ({@link PositionPropensities}). Why not only the
 * skip-above pairs: in expectation the 1/θ_k-weighted sum over all pairs of a clicked item equals that over all
 * pairs of a relevant one (the estimator is unbiased), while skip-above pairs alone compare an item only with the
 * ones above it, so they push every feature of high-ranked items down, and reweighting them makes that worse.
 *
 * <p>A new model starts as reciprocal-rank fusion (weight 1 on feature "rrf"), so switching to it changes nothing
 * until it has learned. Every score explains itself as w_i·x_i per feature. Thread-safe.
 */
public final class PairwiseLinearRanker extends FeatureRanker {
    public static final String ID = "pairwise";
    static final double LEARNING_RATE = 0.01;
    static final double L2 = 1e-4;
    static final int OFFLINE_EPOCHS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seed;
    private double[] w;
    private long updates;
    private PositionPropensities propensities = PositionPropensities.none();

    public PairwiseLinearRanker(FeatureExtractor extractor, long seed) {
        super(extractor);
        this.seed = seed;
        this.w = initial();
    }

    private static double[] initial() {
        double[] w0 = new double[FeatureExtractor.NAMES.size()];
        w0[FeatureExtractor.NAMES.indexOf("rrf")] = 1.0;
        return w0;
    }

    @Override
    public String id() {
        return ID;
    }

    public synchronized double[] weights() {
        return w.clone();
    }

    public synchronized long updates() {
        return updates;
    }

    public synchronized PositionPropensities propensities() {
        return propensities;
    }

    /** Sets the examination propensities used to weight later clicks (estimated from the log). */
    public synchronized void setPropensities(PositionPropensities p) {
        propensities = p;
    }

    @Override
    protected synchronized ScoreExplanation explainScore(double[] x) {
        double score = 0;
        List<ScoreExplanation> parts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double c = w[i] * x[i];
            score += c;
            if (c != 0) {
                parts.add(ScoreExplanation.leaf(c, String.format(Locale.ROOT, "%s: weight %.4f × value %.4f",
                        FeatureExtractor.NAMES.get(i), w[i], x[i])));
            }
        }
        parts.sort((a, b) -> Double.compare(Math.abs(b.value()), Math.abs(a.value())));
        return new ScoreExplanation(score, "pairwise linear model (sum of weight × feature), " + updates
                + " updates", parts);
    }

    /**
     * Learns from the clicks of one search: each clicked item against every other shown item, weighted by 1/θ of
     * the clicked item's position (the estimator of the clicked item's rank among all shown items).
     *
     * @param shown the shown items of the search (their positions and features)
     */
    public synchronized void learnClicks(Collection<RankingExample> shown) {
        List<RankingExample> clicked = shown.stream().filter(RankingExample::clicked).toList();
        for (RankingExample c : clicked) {
            double weight = 1.0 / propensities.at(Math.max(1, c.position()));
            for (RankingExample other : shown) {
                // Other clicked items stay in the comparison set: dropping them would drop top positions more often
                // (they are clicked more), and the remaining set would be biased toward low positions.
                if (other != c) {
                    step(c.x(), other.x(), weight);
                }
            }
        }
    }

    /** One hinge-loss gradient step on the pair better ≻ worse. */
    private void step(double[] better, double[] worse, double weight) {
        double margin = 0;
        for (int i = 0; i < w.length; i++) {
            margin += w[i] * (better[i] - worse[i]);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] -= LEARNING_RATE * L2 * w[i];
        }
        if (margin < 1) {
            for (int i = 0; i < w.length; i++) {
                w[i] += LEARNING_RATE * weight * (better[i] - worse[i]);
            }
        }
        updates++;
    }

    /**
     * Trains from scratch on examples. Logged searches (position &gt; 0) train as clicks with propensity weights;
     * judged examples (position 0) train on every pair with different labels. Groups are visited in a seeded
     * order per epoch, so the same examples give the same model.
     */
    @Override
    public synchronized TrainSummary train(List<RankingExample> examples) {
        w = initial();
        updates = 0;
        List<List<RankingExample>> groups = new ArrayList<>();
        int used = 0;
        for (List<RankingExample> g : RankingExample.byQuery(examples).values()) {
            if (g.stream().mapToInt(RankingExample::label).distinct().count() > 1) {
                groups.add(g);
                used += g.size();
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("pairwise: no query has items with different labels to learn from");
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int epoch = 0; epoch < OFFLINE_EPOCHS; epoch++) {
            List<List<RankingExample>> order = new ArrayList<>(groups);
            for (int i = order.size() - 1; i > 0; i--) {
                java.util.Collections.swap(order, i, random.nextInt(i + 1));
            }
            for (List<RankingExample> g : order) {
                if (g.stream().anyMatch(e -> e.position() > 0)) {
                    learnClicks(g);
                } else {
                    learnLabels(g);
                }
            }
        }
        return new TrainSummary(groups.size(), used, String.format(Locale.ROOT,
                "propensity-weighted pairwise hinge, %d epochs, learning rate %.3f, L2 %.0e, theta %s",
                OFFLINE_EPOCHS, LEARNING_RATE, L2, java.util.Arrays.toString(propensities.theta())));
    }

    private void learnLabels(List<RankingExample> g) {
        for (RankingExample a : g) {
            for (RankingExample b : g) {
                if (a.label() > b.label()) {
                    step(a.x(), b.x(), 1.0);
                }
            }
        }
    }

    @Override
    public synchronized String snapshot() {
        try {
            return JSON.writeValueAsString(Map.of("features", FeatureExtractor.NAMES, "weights", w,
                    "updates", updates, "theta", propensities.theta()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void restore(String json) {
        try {
            var node = JSON.readTree(json);
            List<String> names = new ArrayList<>();
            node.get("features").forEach(n -> names.add(n.asText()));
            double[] stored = JSON.treeToValue(node.get("weights"), double[].class);
            double[] next = new double[FeatureExtractor.NAMES.size()];
            // Weights are matched by feature name, so a model of an older feature set still loads.
            for (int i = 0; i < names.size(); i++) {
                int at = FeatureExtractor.NAMES.indexOf(names.get(i));
                if (at >= 0) {
                    next[at] = stored[i];
                }
            }
            w = next;
            updates = node.get("updates").asLong();
            propensities = new PositionPropensities(JSON.treeToValue(node.get("theta"), double[].class));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a pairwise ranker model: " + e.getMessage(), e);
        }
    }
}
