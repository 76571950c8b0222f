package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What every {@link SelectionPolicy} must do; each implementation's test extends this. */
abstract class SelectionPolicyContract {
    static final Map<String, Double> FOUR_ARMS = rates("a", 0.3, "b", 0.4, "c", 0.5, "d", 0.6);
    static final SelectionBudget TWO_OF_FOUR = new SelectionBudget(2, 100, 10);

    protected abstract SelectionPolicy newPolicy(long seed);

    static Map<String, Double> rates(Object... armRatePairs) {
        Map<String, Double> r = new LinkedHashMap<>();
        for (int i = 0; i < armRatePairs.length; i += 2) {
            r.put((String) armRatePairs[i], (Double) armRatePairs[i + 1]);
        }
        return r;
    }

    /** Context of round t: f flips pseudo-randomly, irrelevant to the rates of the contract problems. */
    static ContextVector contextOf(long t) {
        return Bandits.context(RoundRandom.mix64(t) % 3 == 0 ? 1 : 0);
    }

    static List<Selection> run(SelectionPolicy policy, Map<String, Double> rates, SelectionBudget budget,
                               int rounds, long rewardSeed) {
        List<Selection> out = new ArrayList<>();
        for (int t = 0; t < rounds; t++) {
            out.add(Bandits.play(policy, contextOf(((SeededPolicy<?>) policy).round()), rates, budget, rewardSeed));
        }
        return out;
    }

    @Test
    void sameSeedGivesSameSelections() {
        List<Selection> first = run(newPolicy(42), FOUR_ARMS, TWO_OF_FOUR, 200, 7);
        List<Selection> second = run(newPolicy(42), FOUR_ARMS, TWO_OF_FOUR, 200, 7);
        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(Selection::round).containsExactlyElementsOf(
                LongStream.range(0, 200).boxed().toList());
    }

    /**
     * Sampling policies estimate propensities on first read (see {@code LazyPropensity}); reading them only after
     * many later updates must give the values read right at selection, to the last bit.
     */
    @Test
    void propensitiesReadLaterEqualThoseReadAtSelection() {
        SelectionPolicy eager = newPolicy(9);
        List<Map<String, Double>> atSelection = new ArrayList<>();
        for (int t = 0; t < 150; t++) {
            Selection s = Bandits.play(eager, contextOf(((SeededPolicy<?>) eager).round()), FOUR_ARMS, TWO_OF_FOUR, 5);
            atSelection.add(new LinkedHashMap<>(s.propensity()));
        }
        List<Selection> late = run(newPolicy(9), FOUR_ARMS, TWO_OF_FOUR, 150, 5);
        for (int t = 0; t < 150; t++) {
            assertThat(new LinkedHashMap<>(late.get(t).propensity())).as("round %d", t).isEqualTo(atSelection.get(t));
        }
    }

    @Test
    void propensitiesAreProbabilitiesThatSumToTheNumberChosen() {
        SelectionPolicy policy = newPolicy(3);
        List<Selection> rounds = new ArrayList<>(run(policy, FOUR_ARMS, TWO_OF_FOUR, 200, 11));
        // maxArms above the number of arms: every arm is chosen, with certainty.
        rounds.add(policy.select(Bandits.context(1), List.of("a", "b", "c"), new SelectionBudget(5, 100, 10)));
        for (Selection s : rounds) {
            assertThat(s.propensity().keySet()).as("round %d", s.round()).isEqualTo(s.diagnostics().keySet());
            assertThat(s.propensity().values()).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
            double sum = s.propensity().values().stream().mapToDouble(Double::doubleValue).sum();
            // Monte Carlo estimators put exactly m arms in every draw, so even they sum to m up to rounding.
            assertThat(sum).as("round %d", s.round()).isCloseTo(s.chosen().size(), within(1e-9));
            assertThat(s.chosen()).allSatisfy(a -> assertThat(s.propensity().get(a)).isPositive());
        }
        assertThat(rounds.getLast().propensity().values()).containsOnly(1.0);
    }

    /**
     * Selects many rounds from one learned state (select does not learn; each round draws from its own
     * generator) and compares how often each arm was chosen with the mean reported propensity. Tolerance 0.05:
     * with 2,000 rounds the binomial standard error of a frequency is at most sqrt(0.25 / 2000) ≈ 0.011, so 0.05
     * is > 4 standard errors; the Monte Carlo error of the mean propensity is smaller still (averaged over
     * 2,000 independent estimates). A policy whose propensities were wrong by more than that fails.
     */
    @Test
    void propensitiesMatchObservedSelectionFrequencies() {
        SelectionPolicy policy = newPolicy(5);
        run(policy, FOUR_ARMS, TWO_OF_FOUR, 30, 13);
        int rounds = 2_000;
        Map<String, Double> chosen = new HashMap<>();
        Map<String, Double> reported = new HashMap<>();
        ContextVector x = Bandits.context(1);
        for (int r = 0; r < rounds; r++) {
            Selection s = policy.select(x, List.copyOf(FOUR_ARMS.keySet()), TWO_OF_FOUR);
            s.chosen().forEach(a -> chosen.merge(a, 1.0 / rounds, Double::sum));
            s.propensity().forEach((a, p) -> reported.merge(a, p / rounds, Double::sum));
        }
        for (String arm : FOUR_ARMS.keySet()) {
            assertThat(chosen.getOrDefault(arm, 0.0)).as("frequency of %s (reported %s)", arm, reported)
                    .isCloseTo(reported.get(arm), within(0.05));
        }
    }

    /** Protected so that the uniform baseline, which must not converge, can state its own expectation. */
    @Test
    protected void convergesOnTwoArmBernoulli() {
        assertThat(betterArmShareOfLast500(newPolicy(17))).isGreaterThan(0.85);
    }

    static double betterArmShareOfLast500(SelectionPolicy policy) {
        List<Selection> rounds = run(policy, rates("low", 0.2, "high", 0.8), new SelectionBudget(1, 100, 10), 2_000, 19);
        return rounds.subList(1_500, 2_000).stream().filter(s -> s.isChosen("high")).count() / 500.0;
    }

    @Test
    void updateLeavesArmsOutsideTheChosenSetAlone() {
        SelectionPolicy policy = newPolicy(23);
        run(policy, FOUR_ARMS, TWO_OF_FOUR, 50, 29);
        String before = policy.snapshot();
        ContextVector x = Bandits.context(1);

        policy.update(x, Set.of(), Map.of("a", 1.0, "b", 1.0));
        assertThat(policy.snapshot()).as("rewards for arms outside S are ignored").isEqualTo(before);

        policy.update(x, Set.of("a"), Map.of("b", 1.0));
        String after = policy.snapshot();
        assertThat(after).isNotEqualTo(before);
        Map<String, ArmDiagnostics> was = diagnosticsAt(before, x);
        Map<String, ArmDiagnostics> now = diagnosticsAt(after, x);
        assertThat(now.get("a").pulls()).as("a in S without a reward counts as reward 0").isEqualTo(
                was.get("a").pulls() + 1);
        assertThat(now.get("a").mean()).isLessThan(was.get("a").mean());
        for (String arm : List.of("b", "c", "d")) {
            assertThat(now.get(arm).mean()).as(arm).isEqualTo(was.get(arm).mean());
            if (!confidenceWidthDependsOnAllPulls()) {
                assertThat(now.get(arm).uncertainty()).as(arm).isEqualTo(was.get(arm).uncertainty());
            }
            assertThat(now.get(arm).pulls()).as(arm).isEqualTo(was.get(arm).pulls());
        }
    }

    /** True where an arm's reported uncertainty legitimately involves the other arms' pulls (UCB1's ln N). */
    protected boolean confidenceWidthDependsOnAllPulls() {
        return false;
    }

    private Map<String, ArmDiagnostics> diagnosticsAt(String snapshot, ContextVector x) {
        SelectionPolicy p = newPolicy(23);
        p.restore(snapshot);
        return p.select(x, List.copyOf(FOUR_ARMS.keySet()), TWO_OF_FOUR).diagnostics();
    }

    @Test
    void rejectsRewardsOutsideTheUnitInterval() {
        SelectionPolicy policy = newPolicy(1);
        String before = policy.snapshot();
        assertThatThrownBy(() -> policy.update(Bandits.context(0), Set.of("a"), Map.of("a", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'").hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> policy.update(Bandits.context(0), Set.of("a"), Map.of("a", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(policy.snapshot()).isEqualTo(before);
    }

    @Test
    void restoredSnapshotContinuesLikeTheUninterruptedPolicy() {
        SelectionPolicy uninterrupted = newPolicy(31);
        run(uninterrupted, FOUR_ARMS, TWO_OF_FOUR, 150, 37);
        SelectionPolicy restored = newPolicy(31);
        restored.restore(uninterrupted.snapshot());
        assertThat(restored.snapshot()).isEqualTo(uninterrupted.snapshot());
        assertThat(run(restored, FOUR_ARMS, TWO_OF_FOUR, 100, 37))
                .isEqualTo(run(uninterrupted, FOUR_ARMS, TWO_OF_FOUR, 100, 37));
    }

    @Test
    void restoreRejectsAnotherPolicysSnapshot() {
        SelectionPolicy policy = newPolicy(1);
        SelectionPolicy other = policy instanceof UniformPolicy ? new Ucb1Policy(1) : new UniformPolicy(1);
        assertThatThrownBy(() -> policy.restore(other.snapshot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + other.id() + "'").hasMessageContaining("'" + policy.id() + "'");
        assertThatThrownBy(() -> policy.restore("{not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetForgetsEverything() {
        SelectionPolicy policy = newPolicy(41);
        run(policy, FOUR_ARMS, TWO_OF_FOUR, 60, 43);
        policy.reset();
        assertThat(policy.snapshot()).isEqualTo(newPolicy(41).snapshot());
        assertThat(run(policy, FOUR_ARMS, TWO_OF_FOUR, 20, 3)).isEqualTo(run(newPolicy(41), FOUR_ARMS, TWO_OF_FOUR, 20, 3));
    }

    @Test
    void armOfferedLaterStartsFromThePrior() {
        SelectionPolicy trained = newPolicy(47);
        run(trained, FOUR_ARMS, TWO_OF_FOUR, 100, 53);
        List<String> withNew = List.of("a", "b", "c", "d", "memory");
        ArmDiagnostics late = trained.select(Bandits.context(1), withNew, TWO_OF_FOUR).diagnostics().get("memory");
        ArmDiagnostics fresh = newPolicy(47).select(Bandits.context(1), withNew, TWO_OF_FOUR).diagnostics().get("memory");
        assertThat(late.pulls()).isZero();
        assertThat(late.mean()).isEqualTo(fresh.mean());
        assertThat(late.uncertainty()).isEqualTo(fresh.uncertainty());
    }

    @Test
    void candidatesFillTheBudgetWithTheFloorForEveryChosenArm() {
        long seed = 59;
        SplittableRandom random = new SplittableRandom(seed);
        SelectionPolicy policy = newPolicy(seed);
        for (int i = 0; i < 300; i++) {
            int n = 1 + random.nextInt(8);
            List<String> arms = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                arms.add("arm" + a);
            }
            int maxArms = 1 + random.nextInt(6);
            int floor = 1 + random.nextInt(20);
            int k = maxArms * floor + random.nextInt(200);
            Selection s = policy.select(contextOf(i), arms, new SelectionBudget(maxArms, k, floor));
            String why = "seed " + seed + ", case " + i + ": " + s.candidates() + " for K=" + k + " floor=" + floor;
            assertThat(s.chosen()).as(why).hasSize(Math.min(maxArms, n)).doesNotHaveDuplicates();
            assertThat(s.candidates().values().stream().mapToInt(Integer::intValue).sum()).as(why).isEqualTo(k);
            assertThat(s.candidates().values()).as(why).allSatisfy(c -> assertThat(c).isGreaterThanOrEqualTo(floor));
            for (String a : s.chosen()) {
                policy.update(contextOf(i), Set.of(a), Map.of(a, random.nextDouble()));
            }
        }
    }

    /**
     * The features a policy declares are the ones it warns about: none for a context that has them all, one
     * sentence naming the policy and what is missing for a context that lacks them; a policy that declares none
     * (context-free, or linear over the whole vector) never warns.
     */
    @Test
    void warnsExactlyWhenTheContextLacksADeclaredFeature() {
        SelectionPolicy policy = newPolicy(1);
        List<String> declared = policy.contextFeatures();
        List<String> complete = new ArrayList<>(Bandits.FEATURES);
        declared.stream().filter(f -> !complete.contains(f)).forEach(complete::add);
        assertThat(policy.contextWarning(complete)).isEmpty();
        List<String> without = complete.stream().filter(f -> !declared.contains(f)).toList();
        if (declared.isEmpty()) {
            assertThat(policy.contextWarning(without)).isEmpty();
        } else {
            assertThat(policy.contextWarning(without)).hasValueSatisfying(w -> assertThat(w)
                    .contains("'" + policy.id() + "'").contains(declared.toString()));
        }
    }

    @Test
    void rejectsEmptyOrDuplicateArms() {
        SelectionPolicy policy = newPolicy(1);
        assertThatThrownBy(() -> policy.select(Bandits.context(0), List.of(), TWO_OF_FOUR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> policy.select(Bandits.context(0), List.of("a", "a"), TWO_OF_FOUR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
    }
}
