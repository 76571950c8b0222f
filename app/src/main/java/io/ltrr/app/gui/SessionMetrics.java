package io.ltrr.app.gui;

import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.SearchResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The rounds of this session and their feedback, turned into chart data. True regret is unknown with real
 * users, so no regret is charted; the CTR chart shows estimates: the policy's CTR (rounds with a positive reward
 * among its chosen arms) with a 95 % normal-approximation band, against the best single arm's CTR estimated by
 * self-normalised inverse propensity: arm a's value is Σ r_a·1[a∈S]/P(a∈S) over Σ 1[a∈S]/P(a∈S), a weighted mean
 * of its rewards, so never above 1 (plain IPS, divided by the rounds, went above 1 when an arm of low propensity
 * was lucky). The best arm in hindsight is taken among arms chosen in at least {@value #MIN_CHOSEN} rounds; before
 * any is, the line has no value. A round without feedback counts as reward 0 for every chosen arm.
 */
public final class SessionMetrics {
    /** Propensities below this are floored, so one lucky rare arm cannot dominate the estimate. */
    static final double MIN_PROPENSITY = 0.05;
    /** An arm chosen in fewer rounds than this is not a candidate for the best single arm (one lucky click). */
    static final int MIN_CHOSEN = 5;
    static final String CTR_TITLE = "Estimated CTR (live feedback): policy vs best single arm";
    static final String POLICY_LINE = "policy CTR (estimate)";
    static final String BEST_LINE = "best single arm (self-normalised IPS estimate)";

    private record Round(String searchId, Map<String, Double> propensity, List<String> chosen,
                         Map<String, Double> reward) {
    }

    private final List<Round> rounds = new ArrayList<>();
    private final Map<String, Round> bySearch = new HashMap<>();
    private final Set<String> arms = new LinkedHashSet<>();
    private final ReadOnlyObjectWrapper<ChartData> data = new ReadOnlyObjectWrapper<>(this, "data", ChartData.empty());

    /** The latest chart data; replaced after every round and every feedback. */
    public ReadOnlyObjectProperty<ChartData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public void onSearch(SearchResult r) {
        Map<String, Double> reward = new HashMap<>();
        r.selection().chosen().forEach(a -> reward.put(a, 0.0));
        Round round = new Round(r.searchId(), r.selection().propensity(), r.selection().chosen(), reward);
        rounds.add(round);
        bySearch.put(r.searchId(), round);
        arms.addAll(r.selection().propensity().keySet());
        data.set(compute());
    }

    /** Several feedback events on one round keep each arm's best reward. */
    public void onFeedback(FeedbackResult f) {
        Round round = bySearch.get(f.searchId());
        if (round == null) {
            return;
        }
        f.rewards().forEach((arm, r) -> round.reward().merge(arm, r, Math::max));
        data.set(compute());
    }

    ChartData compute() {
        List<String> armList = List.copyOf(arms);
        int n = rounds.size();
        double[] ctr = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        double[] bestArm = new double[n];
        Map<String, double[]> share = new LinkedHashMap<>();
        Map<String, Double> ipsTotal = new HashMap<>();
        Map<String, Double> ipsWeight = new HashMap<>();
        Map<String, Integer> chosenCount = new HashMap<>();
        Map<String, Double> rewardSum = new HashMap<>();
        armList.forEach(a -> share.put(a, new double[n]));
        double policyTotal = 0;
        double selections = 0;
        for (int t = 0; t < n; t++) {
            Round round = rounds.get(t);
            double best = 0;
            for (String a : round.chosen()) {
                double r = round.reward().getOrDefault(a, 0.0);
                best = Math.max(best, r);
                chosenCount.merge(a, 1, Integer::sum);
                rewardSum.merge(a, r, Double::sum);
                double p = Math.max(MIN_PROPENSITY, round.propensity().getOrDefault(a, 1.0));
                ipsTotal.merge(a, r / p, Double::sum);
                ipsWeight.merge(a, 1 / p, Double::sum);
            }
            policyTotal += best;
            selections += round.chosen().size();
            double bestFixed = ipsTotal.keySet().stream()
                    .filter(a -> chosenCount.getOrDefault(a, 0) >= MIN_CHOSEN)
                    .mapToDouble(a -> ipsTotal.get(a) / ipsWeight.get(a))
                    .max().orElse(Double.NaN);
            double rate = policyTotal / (t + 1);
            double half = 1.96 * Math.sqrt(rate * (1 - rate) / (t + 1));
            ctr[t] = rate;
            low[t] = Math.max(0, rate - half);
            high[t] = Math.min(1, rate + half);
            bestArm[t] = bestFixed;
            for (String a : armList) {
                share.get(a)[t] = selections == 0 ? 0 : chosenCount.getOrDefault(a, 0) / selections;
            }
        }
        Map<String, Double> rate = new LinkedHashMap<>();
        for (String a : armList) {
            int c = chosenCount.getOrDefault(a, 0);
            rate.put(a, c == 0 ? Double.NaN : rewardSum.get(a) / c);
        }
        List<ChartData.Line> lines = List.of(new ChartData.Line(POLICY_LINE, ctr, false),
                new ChartData.Line("95 % band, low", low, true), new ChartData.Line("95 % band, high", high, true),
                new ChartData.Line(BEST_LINE, bestArm, false));
        return new ChartData(armList, ChartData.oneToN(n), new double[0], "", share, rate, CTR_TITLE, lines);
    }
}
