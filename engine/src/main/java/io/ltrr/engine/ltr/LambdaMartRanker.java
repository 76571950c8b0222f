package io.ltrr.engine.ltr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.retrieval.ScoreExplanation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * LambdaMART (gradient-boosted trees with the LambdaRank gradient of nDCG) trained by XGBoost4J, objective
 * {@code rank:ndcg}, from graded labels (ratings, clicks, or a test collection's judgments). See ADR 0005 for the
 * library. Scores are XGBoost margins; each explains itself as per-feature SHAP contributions (TreeSHAP via
 * {@code predictContrib}) plus the model's bias, which sum to the score. One thread and a fixed seed keep training
 * deterministic. Until trained it scores every item 0 and keeps the union's order. Thread-safe.
 */
public final class LambdaMartRanker extends FeatureRanker {
    public static final String ID = "lambdamart";
    static final int ROUNDS = 150;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seed;
    private Booster booster;
    private String trainedOn = "";

    public LambdaMartRanker(FeatureExtractor extractor, long seed) {
        super(extractor);
        this.seed = seed;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Whether XGBoost's native library loads on this machine (the ranker cannot train or score otherwise). */
    public static boolean available() {
        try {
            new DMatrix(new float[] {0f}, 1, 1, Float.NaN).dispose();
            return true;
        } catch (XGBoostError | LinkageError e) {
            return false;
        }
    }

    public synchronized boolean trained() {
        return booster != null;
    }

    static Map<String, Object> params(long seed) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "rank:ndcg");
        p.put("eval_metric", "ndcg@10");
        p.put("eta", 0.1);
        p.put("max_depth", 6);
        p.put("min_child_weight", 1);
        p.put("subsample", 1.0);
        p.put("lambdarank_pair_method", "topk");
        p.put("lambdarank_num_pair_per_sample", 10);
        p.put("nthread", 1);
        p.put("seed", seed);
        p.put("verbosity", 0);
        return p;
    }

    @Override
    public synchronized TrainSummary train(List<RankingExample> examples) {
        List<RankingExample> rows = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (List<RankingExample> g : RankingExample.byQuery(examples).values()) {
            if (g.stream().mapToInt(RankingExample::label).distinct().count() > 1) {
                rows.addAll(g);
                groups.add(g.size());
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("lambdamart: no query has items with different labels to learn from");
        }
        float[] labels = new float[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).label();
        }
        DMatrix train = null;
        try {
            train = matrix(rows.stream().map(RankingExample::x).toList());
            train.setLabel(labels);
            train.setGroup(groups.stream().mapToInt(Integer::intValue).toArray());
            Booster next = XGBoost.train(train, params(seed), ROUNDS, Map.of(), null, null);
            dispose();
            booster = next;
            trainedOn = groups.size() + " queries, " + rows.size() + " examples";
            return new TrainSummary(groups.size(), rows.size(), String.format(Locale.ROOT,
                    "XGBoost rank:ndcg, %d trees, %s", ROUNDS, params(seed)));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
    }

    @Override
    protected ScoreExplanation explainScore(double[] x) {
        return explainScores(List.of(x)).getFirst();
    }

    @Override
    protected synchronized List<ScoreExplanation> explainScores(List<double[]> xs) {
        List<ScoreExplanation> out = new ArrayList<>(xs.size());
        if (booster == null || xs.isEmpty()) {
            xs.forEach(x -> out.add(ScoreExplanation.leaf(0, "lambdamart: not trained yet")));
            return out;
        }
        DMatrix m = null;
        try {
            m = matrix(xs);
            float[][] contrib = booster.predictContrib(m, 0);
            for (float[] row : contrib) {
                out.add(explain(row));
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }

    /** The last column of a contribution row is the bias; the others are the features'. */
    private ScoreExplanation explain(float[] row) {
        List<ScoreExplanation> parts = new ArrayList<>();
        double score = 0;
        for (int i = 0; i < row.length; i++) {
            score += row[i];
            if (row[i] != 0f) {
                String name = i < FeatureExtractor.NAMES.size() ? FeatureExtractor.NAMES.get(i) : "bias";
                parts.add(ScoreExplanation.leaf(row[i], name + " (SHAP contribution)"));
            }
        }
        parts.sort((a, b) -> Double.compare(Math.abs(b.value()), Math.abs(a.value())));
        return new ScoreExplanation(score, "LambdaMART (" + trainedOn + "): sum of per-feature contributions", parts);
    }

    private static DMatrix matrix(List<double[]> xs) throws XGBoostError {
        int d = FeatureExtractor.NAMES.size();
        float[] data = new float[xs.size() * d];
        for (int r = 0; r < xs.size(); r++) {
            double[] x = xs.get(r);
            for (int c = 0; c < d; c++) {
                data[r * d + c] = (float) x[c];
            }
        }
        return new DMatrix(data, xs.size(), d, Float.NaN);
    }

    @Override
    public synchronized String snapshot() {
        try {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("features", FeatureExtractor.NAMES);
            doc.put("trained_on", trainedOn);
            doc.put("model", booster == null ? "" : Base64.getEncoder().encodeToString(booster.toByteArray("ubj")));
            return JSON.writeValueAsString(doc);
        } catch (XGBoostError | JsonProcessingException e) {
            throw new IllegalStateException("cannot save the LambdaMART model: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void restore(String json) {
        try {
            var node = JSON.readTree(json);
            List<String> names = new ArrayList<>();
            node.get("features").forEach(n -> names.add(n.asText()));
            // Trees address features by column: a model of another feature set would read the wrong columns.
            if (!names.equals(FeatureExtractor.NAMES)) {
                throw new IllegalArgumentException("the model was trained on another feature set; train it again");
            }
            String model = node.get("model").asText();
            dispose();
            booster = model.isEmpty() ? null : XGBoost.loadModel(Base64.getDecoder().decode(model));
            trainedOn = node.get("trained_on").asText();
        } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException("not a LambdaMART model: " + e.getMessage(), e);
        }
    }

    private void dispose() {
        if (booster != null) {
            booster.dispose();
            booster = null;
        }
    }
}
