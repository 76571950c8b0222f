package io.ltrr.engine.clicks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Clicks over expected clicks (Zhang &amp; Jones 2007; Chapelle &amp; Zhang 2009's baseline), as OpenSearch's Search
 * Relevance Workbench computes implicit judgments from UBI logs: a prior click-through rate per position,
 * ctr_k = clicks at k / lists reaching k over all sessions and queries, then per (query, item)
 * COEC = clicks / Σ over its impressions of ctr at the position of that impression. 1 means clicked as often as
 * the average item at the same positions. The Workbench's code takes a single rank per pair for all its
 * impressions; the sum over impressions here is the same for an item always shown at one position and, unlike it,
 * accounts for an item that moves. An item shown only at positions never clicked has no expected clicks and COEC 0.
 */
public final class CoecEstimator implements RelevanceEstimator {
    public static final String ID = "coec";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public GradeRule gradeRule() {
        return GradeRule.RATIO_DOUBLINGS;
    }

    @Override
    public ClickModelFit fit(List<ClickSession> sessions, ClickModelOptions options) {
        SessionTable t = SessionTable.of(sessions);
        double[] ctr = new double[t.depth()];
        List<Double> prior = new ArrayList<>(ctr.length);
        for (int k = 0; k < ctr.length; k++) {
            ctr[k] = t.clicksAt[k] / (double) t.impressionsAt[k];
            prior.add(ctr[k]);
        }
        double[] expected = new double[t.pairs()];
        for (int[] row : t.shown) {
            for (int k = 0; k < row.length; k++) {
                expected[row[k]] += ctr[k];
            }
        }
        List<PairEstimate> pairs = t.report(options.minImpressions(),
                p -> expected[p] > 0 ? t.clicks[p] / expected[p] : 0,
                p -> Map.of("expected_clicks", expected[p]));
        return new ClickModelFit(ID, t.sessions(), t.pairs(), pairs, prior, Map.of(), 0, true);
    }
}
