package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.PolicyStart;
import io.ltrr.engine.api.ResetTarget;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.bandit.SelectionBudget;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ltrr policy}: which selection policy is active; switch it; reset what was learned. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Show the active selection policy and what its state started from, switch to another (use ID), "
                + "or forget what was learned (reset: back to the policy's prior learned offline; reset --cold: back "
                + "to a uniform state); --ratings-train on|off says whether annotators' ratings train it.")
final class PolicyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", description = "show (default), use, reset")
    String action = "show";

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "policy id for 'use'")
    String id;

    @Option(names = "--cold", description = "With reset: start from a uniform state (every arm equally likely), not "
            + "from the prior; later resets without --cold go back to the prior.")
    boolean cold;

    @Option(names = "--ratings-train", paramLabel = "on|off",
            description = "Whether annotators' ratings train the live policy (stored in the data folder; default off: "
                    + "only clicks do).")
    String ratingsTrain;

    @Override
    public Integer call() {
        Boolean ratings = ratingsTrain == null ? null : onOff(ratingsTrain);
        if (cold && !"reset".equals(action)) {
            throw new IllegalArgumentException("--cold goes with reset only (ltrr policy reset --cold)");
        }
        try (Workbench wb = Workbench.open(storeOptions.apply(WorkbenchConfig.defaults(common.dataDir())))) {
            if (ratings != null) {
                wb.setRatingsTrain(ratings);
            }
            switch (action) {
                case "show" -> { }
                case "use" -> {
                    if (id == null) {
                        throw new IllegalArgumentException("policy use: name a policy, one of " + wb.policyIds());
                    }
                    wb.switchPolicy(id);
                }
                case "reset" -> wb.resetLearning(cold ? ResetTarget.UNIFORM : ResetTarget.PRIOR);
                default -> throw new IllegalArgumentException("policy: unknown action '" + action
                        + "' (expected show, use or reset)");
            }
            SelectionBudget budget = SelectionBudget.defaults();
            PolicyStart start = wb.policyStart();
            PolicyJson doc = new PolicyJson(wb.policyId(), wb.policyContextFeatures(), wb.policyIds(), budget.maxArms(),
                    budget.totalCandidates(), budget.minPerArm(), wb.ratingsTrain(), start.kind(), start.source(),
                    start.note());
            if (common.json()) {
                Json.print(System.out, doc);
            } else {
                Json.fields(doc).forEach((k, v) -> System.out.println(k + ": " + v));
            }
        }
        return 0;
    }

    static boolean onOff(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("--ratings-train must be on or off, was '" + value + "'");
        };
    }

    /**
     * The active policy, the context features it keeps separate statistics for (declared in its options; empty for a
     * context-free or linear policy), the policies to choose from, the default selection budget, whether annotators'
     * ratings train the live policy, and what its learned state started from: {@code started_from} prior or uniform,
     * the prior's source ("none" for uniform) and a note (what the prior was learned on, or why none was used).
     */
    record PolicyJson(String policy, List<String> contextBucketFeatures, List<String> policies, int maxArms,
                      int totalCandidates, int minCandidatesPerArm, boolean ratingsTrain, String startedFrom,
                      String startSource, String startNote) {
    }
}
