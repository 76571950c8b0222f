package io.ltrr.engine.ope;

import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.ope.banditlog.BanditLog;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.LoggedRound;
import io.ltrr.engine.store.PolicySnapshot;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Off-policy evaluation of a data folder's log: opens its feedback store (the folder's own H2 database, which must
 * not be open in a running workbench; or, given the store, any other), reads the rounds once and estimates any
 * number of targets on them.
 *
 * <p>Target specs: a policy id of {@link PolicyRegistry#standard()} (default knobs, the given seed), replayed in
 * the given {@link PolicyTarget.Mode}; or {@code arm:ID} (also written {@code action:ID}) for the fixed single-arm
 * policy. In FROZEN mode a
 * registry policy starts from the store's latest snapshot of that policy when there is one (the state it has
 * now, learned from this same log, so its estimate is optimistic), otherwise from scratch.
 */
public final class LogEvaluation implements AutoCloseable {
    /** The store this evaluation opened and closes, or null when it was given rounds read elsewhere. */
    private final FeedbackStore store;
    private final List<LoggedRound> rounds;
    private final Function<String, Optional<PolicySnapshot>> latestState;
    private final PolicyRegistry registry = PolicyRegistry.standard();

    private LogEvaluation(FeedbackStore store, List<LoggedRound> rounds,
                          Function<String, Optional<PolicySnapshot>> latestState) {
        this.store = store;
        this.rounds = List.copyOf(rounds);
        this.latestState = Objects.requireNonNull(latestState, "latestState");
    }

    /** Opens the data folder's own H2 store and reads its log. */
    public static LogEvaluation open(Path dataDir) {
        return reading(H2FeedbackStore.open(dataDir));
    }

    /**
     * Reads the log of a store just opened, which this evaluation then owns: it is closed with the evaluation, or
     * at once when reading fails. The facade's {@code FeedbackStores.logEvaluation} opens the one a data folder's
     * store choice names.
     */
    public static LogEvaluation reading(FeedbackStore store) {
        try {
            return new LogEvaluation(store, store.logReader().rounds(), store.learnedState()::latestPolicyState);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * An evaluation of rounds already read (by a running workbench, which holds the data folder): nothing to
     * close. {@code latestState} gives a policy's latest saved state for FROZEN replays (empty: start fresh).
     */
    public static LogEvaluation of(List<LoggedRound> rounds, Function<String, Optional<PolicySnapshot>> latestState) {
        return new LogEvaluation(null, rounds, latestState);
    }

    /**
     * An evaluation of an external logged-bandit file's rounds: there is no saved policy state, so FROZEN replays
     * start fresh, and PROGRESSIVE ones learn each logged decision's reward (which must then be in [0, 1]) after it
     * was evaluated.
     */
    public static LogEvaluation of(BanditLog log) {
        return new LogEvaluation(null, log.rounds(), policy -> Optional.empty());
    }

    /** The logged rounds, oldest first. */
    public List<LoggedRound> rounds() {
        return rounds;
    }

    /**
     * Estimates every target on the log, best DR value first.
     *
     * @param targets    target specs (see the class comment)
     * @param mode       how registry policies are replayed
     * @param estimator  bootstrap settings
     * @param policySeed seed of the registry policies' own draws
     * @throws IllegalArgumentException for an unknown policy id or an empty log
     */
    public List<OpeEstimate> evaluate(List<String> targets, PolicyTarget.Mode mode, OffPolicyEstimator estimator,
                                      long policySeed) {
        Objects.requireNonNull(mode, "mode");
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("the log has no rounds yet: search (and click) first");
        }
        RewardModel model = BucketMeanRewardModel.fit(rounds);
        List<OpeEstimate> out = new ArrayList<>();
        for (String spec : targets) {
            out.add(estimator.estimate(rounds, target(spec, mode, policySeed), model));
        }
        out.sort(Comparator.comparingDouble((OpeEstimate e) -> e.dr().value()).reversed());
        return out;
    }

    private OpeTarget target(String spec, PolicyTarget.Mode mode, long seed) {
        for (String prefix : List.of(FixedArmTarget.PREFIX, FixedArmTarget.ACTION_PREFIX)) {
            if (spec.startsWith(prefix)) {
                return new FixedArmTarget(spec.substring(prefix.length()), prefix);
            }
        }
        SelectionPolicy policy = registry.create(spec, seed, rounds.getFirst().x().names(), PolicyOptions.none());
        if (mode == PolicyTarget.Mode.FROZEN) {
            latestState.apply(spec).ifPresent(s -> policy.restore(s.json()));
        }
        return new PolicyTarget(policy, mode);
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
