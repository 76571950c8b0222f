package io.ltrr.engine.rank;

import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reciprocal-rank fusion weighted by the arms' estimated means: score(i) = Σ_a w_a / (k0 + rank_a(i)) over
 * the chosen arms that retrieved i, with w_a = max(floor, estimated reward of a in this context). Arms the
 * bandit trusts more in this context pull their items up. Ties keep first-seen order (the arms' own order).
 */
public final class RrfRanker implements Ranker {
    public static final String ID = "rrf";
    /** The customary RRF constant (Cormack et al. 2009). */
    public static final int K0 = 60;
    /** A new or unlucky arm still counts a little. */
    static final double WEIGHT_FLOOR = 0.05;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RankedItem> rank(RankingInput input, int n) {
        List<Scored> scored = new ArrayList<>(input.union().size());
        int order = 0;
        for (Map.Entry<String, Map<String, ArmHit>> e : input.union().entrySet()) {
            double total = 0;
            for (Map.Entry<String, ArmHit> hit : e.getValue().entrySet()) {
                total += weight(input, hit.getKey()) / (K0 + hit.getValue().rank());
            }
            scored.add(new Scored(e.getKey(), total, e.getValue(), order++));
        }
        scored.sort((a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : Integer.compare(a.order, b.order));
        List<RankedItem> out = new ArrayList<>(Math.min(n, scored.size()));
        for (int i = 0; i < Math.min(n, scored.size()); i++) {
            Scored s = scored.get(i);
            out.add(new RankedItem(s.id, i + 1, s.score, s.hits,
                    new ScoreExplanation(s.score, "weighted reciprocal-rank fusion (sum over arms)", parts(input, s.hits))));
        }
        return out;
    }

    /** The explanation's terms, made only for the items shown (the same sum, term by term). */
    private static List<ScoreExplanation> parts(RankingInput input, Map<String, ArmHit> hits) {
        List<ScoreExplanation> parts = new ArrayList<>(hits.size());
        for (Map.Entry<String, ArmHit> hit : hits.entrySet()) {
            double w = weight(input, hit.getKey());
            parts.add(ScoreExplanation.leaf(w / (K0 + hit.getValue().rank()), String.format(Locale.ROOT,
                    "%s: weight %.3f / (%d + rank %d)", hit.getKey(), w, K0, hit.getValue().rank())));
        }
        return parts;
    }

    private static double weight(RankingInput input, String arm) {
        double mean = input.armMeans().getOrDefault(arm, 0.0);
        return Math.max(WEIGHT_FLOOR, Double.isFinite(mean) ? mean : 0);
    }

    private record Scored(String id, double score, Map<String, ArmHit> hits, int order) {
    }
}
