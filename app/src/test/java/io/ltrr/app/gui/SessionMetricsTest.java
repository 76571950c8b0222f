package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.qu.QueryType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live charts' numbers on hand-computed rounds. */
class SessionMetricsTest {
    private static SearchResult round(String id, List<String> chosen, Map<String, Double> propensity) {
        Map<String, Integer> k = new java.util.LinkedHashMap<>();
        chosen.forEach(a -> k.put(a, 10));
        Map<String, ArmDiagnostics> d = new java.util.LinkedHashMap<>();
        propensity.keySet().forEach(a -> d.put(a, new ArmDiagnostics(0.5, 0.1, 0.5, 1)));
        Selection s = new Selection("test", 0, chosen, k, propensity, d);
        QueryAnalysis qa = new QueryAnalysis("q", "q", List.of("q"),
                List.of(new Interpretation(List.of(), List.of("q"), 1.0, "title~\"q\"")), QueryType.TOPICAL, 1.0, Map.of());
        return new SearchResult(id, "q", SearchContext.anonymous(LocalDateTime.of(2026, 1, 1, 12, 0)), qa,
                new ContextVector(List.of("bias"), new double[] {1}), s, Map.of(), List.of(), Map.of(), "rrf", 1);
    }

    private static FeedbackResult reward(String id, Map<String, Double> rewards) {
        return new FeedbackResult("c-1", id, "t1", rewards.keySet(), rewards, "test", true);
    }

    @Test
    void estimatedCtrWithBandAgainstTheBestArmShareAndRewardRateFollowTheRounds() {
        Map<String, Double> p = new java.util.LinkedHashMap<>();
        p.put("a", 0.5);
        p.put("b", 0.5);
        SessionMetrics m = new SessionMetrics();
        m.onSearch(round("s-1", List.of("a"), p));
        m.onFeedback(reward("s-1", Map.of("a", 0.0)));
        m.onSearch(round("s-2", List.of("b"), p));
        m.onFeedback(reward("s-2", Map.of("b", 1.0)));
        ChartData d = m.dataProperty().get();
        assertThat(d.arms()).containsExactly("a", "b");
        assertThat(d.hasRegret()).as("no regret is charted for live users: it is unknown").isFalse();
        // the policy clicked in 0 of 1, then 1 of 2 rounds
        assertThat(d.ctr().get(0).values()).containsExactly(new double[] {0, 0.5}, within(1e-12));
        double half = 1.96 * Math.sqrt(0.25 / 2);
        assertThat(d.ctr().get(1).values()[1]).isCloseTo(Math.max(0, 0.5 - half), within(1e-12));
        assertThat(d.ctr().get(2).values()[1]).isCloseTo(Math.min(1, 0.5 + half), within(1e-12));
        // No arm chosen in MIN_CHOSEN rounds yet: no best single arm.
        assertThat(java.util.Arrays.stream(d.ctr().get(3).values()).boxed()).allMatch(v -> v.isNaN());
        assertThat(d.share().get("a")).containsExactly(new double[] {1, 0.5}, within(1e-12));
        assertThat(d.rewardRate()).containsEntry("a", 0.0).containsEntry("b", 1.0);
        assertThat(d.ctrTitle()).contains("Estimated");
        assertThat(d.ctr().get(3).label()).contains("IPS estimate");
    }

    /** A rarely chosen arm that is lucky: plain IPS over the rounds gave 10/6 > 1; the self-normalised mean cannot. */
    @Test
    void theBestSingleArmIsASelfNormalisedMeanNeverAboveOne() {
        Map<String, Double> p = new java.util.LinkedHashMap<>();
        p.put("a", 0.9);
        p.put("b", 0.1);
        SessionMetrics m = new SessionMetrics();
        for (int i = 1; i <= 5; i++) {
            String id = "s-" + i;
            m.onSearch(round(id, List.of("b"), p));
            m.onFeedback(reward(id, Map.of("b", i <= 4 ? 1.0 : 0.0)));
        }
        m.onSearch(round("s-6", List.of("a"), p));
        ChartData d = m.dataProperty().get();
        double[] best = d.ctr().get(3).values();
        assertThat(best[3]).as("b chosen in 4 rounds only").isNaN();
        // b: rewards 1,1,1,1,0 each weighted 1/0.1 -> 4 of 5; a (chosen once) is no candidate.
        assertThat(best[4]).isCloseTo(0.8, within(1e-12));
        assertThat(best[5]).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void feedbackOnAnUnknownRoundChangesNothing() {
        SessionMetrics m = new SessionMetrics();
        m.onFeedback(reward("s-9", Map.of("a", 1.0)));
        assertThat(m.dataProperty().get().rounds()).isZero();
    }
}
