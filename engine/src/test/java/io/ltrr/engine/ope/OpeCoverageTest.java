package io.ltrr.engine.ope;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.bandit.EpsilonGreedyPolicy;
import io.ltrr.engine.bandit.LinUcbPolicy;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.bandit.UniformPolicy;
import io.ltrr.engine.store.LoggedRound;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Validation against a world whose truth is known: log rounds of a logging policy in a synthetic Bernoulli
 * semi-bandit, estimate a target's value, and compare with its true value computed from the rates,
 * V = (1/T) Σ_t Σ_a P_π(a | x_t) · rate(x_t, a). Over 50 seeds the 95 % interval should cover the truth in
 * roughly 95 % of them; the assertion allows for the bootstrap's usual under-coverage and sampling noise of
 * 50 Bernoulli trials (≥ 42/50). The figures are printed for the report.
 */
class OpeCoverageTest {
    static final List<String> ARMS = List.of("bm25", "structured", "dense", "explore");
    static final List<String> FEATURES = List.of("bias", "voice", "night");
    static final List<BernoulliWorld.Context> CONTEXTS = List.of(
            new BernoulliWorld.Context("screen", 0.5, new double[] {0, 0},
                    Map.of("bm25", 0.40, "structured", 0.30, "dense", 0.55, "explore", 0.10)),
            new BernoulliWorld.Context("voice", 0.3, new double[] {1, 0},
                    Map.of("bm25", 0.35, "structured", 0.70, "dense", 0.20, "explore", 0.05)),
            new BernoulliWorld.Context("night", 0.2, new double[] {0, 1},
                    Map.of("bm25", 0.20, "structured", 0.25, "dense", 0.30, "explore", 0.45)));

    /** Two arms per round out of four: a semi-bandit. */
    static BernoulliWorld world(long seed) {
        return new BernoulliWorld(ARMS, FEATURES, CONTEXTS, 2, seed);
    }
    static final int SEEDS = 50;
    static final int ROUNDS = 2000;

    /** Records the target's inclusion probabilities to compute its true value from the rates. */
    private static final class TruthRecorder implements OpeTarget {
        private final OpeTarget inner;
        double truthSum;
        int n;

        TruthRecorder(OpeTarget inner) {
            this.inner = inner;
        }

        public String id() {
            return inner.id();
        }

        public Map<String, Double> inclusion(LoggedRound round) {
            Map<String, Double> pi = inner.inclusion(round);
            BernoulliWorld.Context c = world(0).context(round.userId());
            pi.forEach((arm, p) -> truthSum += p * c.rates().get(arm));
            n++;
            return pi;
        }

        public void observe(LoggedRound round) {
            inner.observe(round);
        }

        double truth() {
            return truthSum / n;
        }
    }

    /** A LinUCB trained in the same world on other traffic, then frozen: context-dependent and deterministic. */
    private static OpeTarget frozenLinUcb(long seed) {
        SelectionPolicy p = new LinUcbPolicy(seed, FEATURES, 0.5, 1.0);
        world(1_000_000 + seed).log(p, 600);
        return new PolicyTarget(p, PolicyTarget.Mode.FROZEN);
    }

    private record Coverage(int ips, int snips, int dr, double meanAbsErrorIps, double meanAbsErrorDr) {
    }

    private static Coverage coverage(Supplier<SelectionPolicy> logger, java.util.function.LongFunction<OpeTarget> target) {
        int ips = 0;
        int snips = 0;
        int dr = 0;
        double errIps = 0;
        double errDr = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<LoggedRound> rounds = world(seed).log(logger.get(), ROUNDS);
            TruthRecorder t = new TruthRecorder(target.apply(seed));
            OpeEstimate e = new OffPolicyEstimator(1000, 0.95, seed)
                    .estimate(rounds, t, BucketMeanRewardModel.fit(rounds));
            double truth = t.truth();
            ips += e.ips().covers(truth) ? 1 : 0;
            snips += e.snips().covers(truth) ? 1 : 0;
            dr += e.dr().covers(truth) ? 1 : 0;
            errIps += Math.abs(e.ips().value() - truth) / SEEDS;
            errDr += Math.abs(e.dr().value() - truth) / SEEDS;
        }
        return new Coverage(ips, snips, dr, errIps, errDr);
    }

    private static void report(String what, Coverage c) {
        System.out.printf(Locale.ROOT, "OPE coverage %-45s ips %d/%d  snips %d/%d  dr %d/%d  |err| ips %.4f dr %.4f%n",
                what, c.ips(), SEEDS, c.snips(), SEEDS, c.dr(), SEEDS, c.meanAbsErrorIps(), c.meanAbsErrorDr());
    }

    @Test
    void intervalsCoverTheTrueValueOfAFixedArmUnderUniformLogging() {
        Coverage c = coverage(() -> new UniformPolicy(11), seed -> new FixedArmTarget("structured"));
        report("uniform log, target arm:structured", c);
        assertThat(c.ips()).isGreaterThanOrEqualTo(42);
        assertThat(c.snips()).isGreaterThanOrEqualTo(42);
        assertThat(c.dr()).isGreaterThanOrEqualTo(42);
    }

    @Test
    void intervalsCoverTheTrueValueOfAFrozenLinUcbUnderUniformLogging() {
        Coverage c = coverage(() -> new UniformPolicy(12), OpeCoverageTest::frozenLinUcb);
        report("uniform log, target frozen linucb", c);
        assertThat(c.ips()).isGreaterThanOrEqualTo(42);
        assertThat(c.snips()).isGreaterThanOrEqualTo(42);
        assertThat(c.dr()).isGreaterThanOrEqualTo(42);
        // The doubly robust estimate is never worse on average than plain IPS here (the model is nearly exact).
        assertThat(c.meanAbsErrorDr()).isLessThanOrEqualTo(c.meanAbsErrorIps());
    }

    @Test
    void intervalsCoverTheTrueValueUnderALearningEpsilonGreedyLogger() {
        Coverage c = coverage(() -> new EpsilonGreedyPolicy(13, 0.3), OpeCoverageTest::frozenLinUcb);
        report("epsilon-greedy(0.3) log, target frozen linucb", c);
        assertThat(c.ips()).isGreaterThanOrEqualTo(42);
        assertThat(c.dr()).isGreaterThanOrEqualTo(42);
    }
}
