package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The baseline "always this one arm" ({@code fixed:ARM}), for leaderboards: a learned policy should beat every
 * fixed arm. It chooses exactly one arm whatever the budget allows, with all K candidates; it learns nothing but
 * keeps the arm's empirical mean for the diagnostics.
 */
public final class FixedArmPolicy implements SelectionPolicy {
    /** Policy ids of the form {@code fixed:ARM}. */
    public static final String PREFIX = "fixed:";

    private final String arm;
    private long round;

    @Override
    public long round() {
        return round;
    }
    private long pulls;
    private double rewardSum;

    public FixedArmPolicy(String arm) {
        if (arm == null || arm.isBlank()) {
            throw new IllegalArgumentException("arm must not be blank");
        }
        this.arm = arm;
    }

    @Override
    public String id() {
        return PREFIX + arm;
    }

    @Override
    public Selection select(ContextVector x, List<String> arms, SelectionBudget budget) {
        if (!arms.contains(arm)) {
            throw new IllegalArgumentException("policy " + id() + ": arm '" + arm + "' is not offered; offered: " + arms);
        }
        Map<String, Double> propensity = new LinkedHashMap<>();
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        double mean = pulls == 0 ? 0 : rewardSum / pulls;
        for (String a : arms) {
            boolean mine = a.equals(arm);
            propensity.put(a, mine ? 1.0 : 0.0);
            diagnostics.put(a, new ArmDiagnostics(mine ? mean : 0, 0, mine ? 1 : 0, mine ? pulls : 0));
        }
        return new Selection(id(), round++, List.of(arm), Map.of(arm, budget.totalCandidates()), propensity,
                diagnostics);
    }

    /** A baseline plays its arm whatever the query, with or without candidates. */
    @Override
    public boolean skipsIneligibleArms() {
        return false;
    }

    @Override
    public void update(ContextVector x, Set<String> chosen, Map<String, Double> rewards) {
        if (chosen.contains(arm)) {
            pulls++;
            rewardSum += rewards.getOrDefault(arm, 0.0);
        }
    }

    @Override
    public String snapshot() {
        return String.format(Locale.ROOT, "{\"policy\":\"%s\",\"round\":%d,\"pulls\":%d,\"reward_sum\":%s}", id(), round,
                pulls, Double.toString(rewardSum));
    }

    @Override
    public void restore(String snapshot) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(snapshot);
            if (!id().equals(node.path("policy").asText())) {
                throw new IllegalArgumentException("snapshot is of policy '" + node.path("policy").asText()
                        + "', not '" + id() + "'");
            }
            round = node.path("round").asLong();
            pulls = node.path("pulls").asLong();
            rewardSum = node.path("reward_sum").asDouble();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a policy snapshot (invalid JSON): " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void reset() {
        round = 0;
        pulls = 0;
        rewardSum = 0;
    }
}
