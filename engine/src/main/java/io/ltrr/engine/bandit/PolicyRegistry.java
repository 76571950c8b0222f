package io.ltrr.engine.bandit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bandit policies by id, registered explicitly (no reflection), so the CLI and the GUI can offer
 * {@code --policy thompson} and list what exists.
 *
 * <p>Knobs (all optional, as {@link PolicyOptions}): epsilon-greedy: epsilon, bucketFeatures; epsilon-greedy-global:
 * epsilon; ucb1: bucketFeatures; thompson: bucketFeatures, draws, propensity; linucb: alpha, lambda;
 * linear-thompson: v, lambda, draws, propensity. bucketFeatures (comma-separated names) declares the context
 * features a policy keeps separate statistics for (default {@link ContextBucketing#DEFAULT_FEATURES});
 * propensity is integral (default) or montecarlo (then draws, default 2,000, at least 1,000).
 */
public final class PolicyRegistry {
    /** The option declaring the context features of a bucketed policy. */
    public static final String BUCKET_FEATURES = "bucketFeatures";

    /** Builds a policy from the run's seed, the context's feature names (used by the linear policies) and knobs. */
    @FunctionalInterface
    public interface Factory {
        SelectionPolicy create(long seed, List<String> featureNames, PolicyOptions options);
    }

    /** One registered policy. */
    public record Entry(String id, String description, Set<String> knobs, Factory factory) {
        public Entry {
            knobs = Set.copyOf(knobs);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** A registry holding every policy of this package. */
    public static PolicyRegistry standard() {
        PolicyRegistry r = new PolicyRegistry();
        r.register(new Entry(UniformPolicy.ID, "uniformly random subset (baseline, exact propensities)", Set.of(),
                (seed, names, o) -> new UniformPolicy(seed)));
        r.register(new Entry(EpsilonGreedyPolicy.ID, "epsilon-greedy on empirical means per context bucket",
                Set.of("epsilon", BUCKET_FEATURES), (seed, names, o) -> new EpsilonGreedyPolicy(seed,
                o.number("epsilon", EpsilonGreedyPolicy.DEFAULT_EPSILON), bucketing(o))));
        r.register(new Entry(EpsilonGreedyPolicy.GLOBAL_ID, "context-free epsilon-greedy on empirical means",
                Set.of("epsilon"), (seed, names, o) ->
                new EpsilonGreedyPolicy(seed, o.number("epsilon", EpsilonGreedyPolicy.DEFAULT_EPSILON))));
        r.register(new Entry(Ucb1Policy.ID, "UCB1 per context bucket", Set.of(BUCKET_FEATURES),
                (seed, names, o) -> new Ucb1Policy(seed, bucketing(o))));
        r.register(new Entry(Ucb1Policy.GLOBAL_ID, "context-free UCB1", Set.of(),
                (seed, names, o) -> new Ucb1Policy(seed)));
        r.register(new Entry(ThompsonPolicy.ID, "Beta-Bernoulli Thompson sampling per context bucket",
                Set.of(BUCKET_FEATURES, "draws", "propensity"), (seed, names, o) -> new ThompsonPolicy(seed,
                bucketing(o), o.integer("draws", ThompsonPolicy.DEFAULT_DRAWS), propensity(o))));
        r.register(new Entry(LinUcbPolicy.ID, "disjoint LinUCB on the context features", Set.of("alpha", "lambda"),
                (seed, names, o) -> new LinUcbPolicy(seed, names, o.number("alpha", LinUcbPolicy.DEFAULT_ALPHA),
                        o.number("lambda", LinUcbPolicy.DEFAULT_LAMBDA))));
        r.register(new Entry(LinearThompsonPolicy.ID, "linear Thompson sampling on the context features",
                Set.of("v", "lambda", "draws", "propensity"), (seed, names, o) -> new LinearThompsonPolicy(seed, names,
                o.number("v", LinearThompsonPolicy.DEFAULT_V), o.number("lambda", LinUcbPolicy.DEFAULT_LAMBDA),
                o.integer("draws", LinearThompsonPolicy.DEFAULT_DRAWS), propensity(o))));
        return r;
    }

    /** The declared bucket features (comma-separated), {@link ContextBucketing#DEFAULT_FEATURES} when not given. */
    private static ContextBucketing bucketing(PolicyOptions o) {
        List<String> features = o.list(BUCKET_FEATURES, ContextBucketing.DEFAULT_FEATURES);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("option '" + BUCKET_FEATURES + "' must name at least one feature "
                    + "(a context-free policy has its own id, ending in -global)");
        }
        return ContextBucketing.byFeatures(features);
    }

    private static PropensityMethod propensity(PolicyOptions o) {
        return PropensityMethod.parse(o.text("propensity", PropensityMethod.INTEGRAL.option()));
    }

    /** Adds a policy; an id may be registered once. */
    public void register(Entry entry) {
        if (entries.putIfAbsent(entry.id(), entry) != null) {
            throw new IllegalArgumentException("policy id '" + entry.id() + "' is already registered");
        }
    }

    /** The registered ids, in registration order. */
    public List<String> ids() {
        return List.copyOf(entries.keySet());
    }

    public Entry entry(String id) {
        Entry e = entries.get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown policy '" + id + "'; valid ids: " + ids());
        }
        return e;
    }

    /**
     * @param featureNames the context's feature names (ignored by context-free policies)
     * @throws IllegalArgumentException for an unknown id or an unknown or invalid knob
     */
    public SelectionPolicy create(String id, long seed, List<String> featureNames, PolicyOptions options) {
        Entry e = entry(id);
        return e.factory().create(seed, featureNames, options.allowOnly(id, e.knobs()));
    }
}
