package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The world of a {@link SyntheticScenario}: round t draws a context by frequency from the traffic stream, each
 * chosen arm earns 1 when its coin (stream {@link RandomStreams#REWARDS}, keyed by arm) falls below its rate, and
 * o_a is the rate. Contexts' vectors are built once.
 */
public final class SyntheticWorld implements SimulatedWorld {
    private final SyntheticScenario scenario;
    private final long seed;
    private final List<String> names;
    private final ContextVector[] vectors;
    private final double[][] rates;
    private final double[] cumulative;
    private final long[] armKeys;
    private final SelectionBudget budget;

    public SyntheticWorld(SyntheticScenario scenario, long seed) {
        this.scenario = scenario;
        this.seed = seed;
        this.names = scenario.featureNames();
        int n = scenario.contexts().size();
        this.vectors = new ContextVector[n];
        this.rates = new double[n][];
        this.cumulative = new double[n];
        double total = 0;
        for (int c = 0; c < n; c++) {
            SyntheticScenario.Context ctx = scenario.contexts().get(c);
            double[] v = new double[names.size()];
            v[0] = 1;
            for (int i = 1; i < v.length; i++) {
                v[i] = ctx.features().getOrDefault(names.get(i), 0.0);
            }
            vectors[c] = new ContextVector(names, v);
            rates[c] = scenario.arms().stream().mapToDouble(a -> ctx.rates().get(a)).toArray();
            total += ctx.frequency();
            cumulative[c] = total;
        }
        for (int c = 0; c < n; c++) {
            cumulative[c] /= total;
        }
        this.armKeys = scenario.arms().stream().mapToLong(RandomStreams::key).toArray();
        int m = scenario.maxArms();
        this.budget = new SelectionBudget(m, Math.max(100, m), 1);
    }

    @Override
    public List<String> arms() {
        return scenario.arms();
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    @Override
    public SelectionBudget budget() {
        return budget;
    }

    @Override
    public RoundOutcome play(long round, SelectionPolicy policy) {
        int c = contextOf(round);
        SyntheticScenario.Context ctx = scenario.contexts().get(c);
        Selection selection = policy.select(vectors[c], scenario.arms(), budget);
        Map<String, Double> rewards = new LinkedHashMap<>();
        boolean any = false;
        for (String arm : selection.chosen()) {
            int i = scenario.arms().indexOf(arm);
            boolean win = RandomStreams.uniform(seed, round, RandomStreams.REWARDS, armKeys[i]) < rates[c][i];
            rewards.put(arm, win ? 1.0 : 0.0);
            any |= win;
        }
        return new RoundOutcome(round, ctx.name(), "context:" + ctx.name(), "", vectors[c], scenario.arms(), rates[c],
                selection, rewards, any, Double.NaN, List.of(), List.of());
    }

    /** The context of round t (a pure function of seed and t). */
    int contextOf(long round) {
        double u = RandomStreams.uniform(seed, round, RandomStreams.TRAFFIC, 0);
        for (int c = 0; c < cumulative.length - 1; c++) {
            if (u < cumulative[c]) {
                return c;
            }
        }
        return cumulative.length - 1;
    }
}
