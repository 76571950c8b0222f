package io.ltrr.engine.context;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.index.Keywords;
import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.qu.Slot;
import io.ltrr.engine.qu.SlotType;
import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Turns a query's analysis and its context into the bandit's feature vector x. Every feature has a stable
 * name (shown in the GUI, logged with every round); all values lie in [−1, 1] so linear policies need no
 * scaling. Features prefixed "bucket." are the discrete ones context-bucketed policies key on.
 */
public final class ContextFeatures {
    /** Every feature, in vector order. Part of the log format: append, never reorder. */
    static final List<Feature> ALL = List.of(
            new Feature("bias", in -> 1.0),
            new Feature("query.tokens", in -> Math.min(1.0, in.analysis().tokens().size() / 8.0)),
            new Feature("qu.confidence", in -> in.analysis().confidence()),
            new Feature("bucket.qu.entity", in -> in.analysis().feature("qu.type.entity")),
            new Feature("bucket.qu.topical", in -> in.analysis().feature("qu.type.topical")),
            new Feature("qu.ambiguous", in -> in.analysis().feature("qu.type.ambiguous")),
            new Feature("qu.has_artist", in -> in.analysis().feature("qu.has_artist")),
            new Feature("qu.has_style", in -> in.analysis().feature("qu.has_style")),
            new Feature("qu.has_decade", in -> in.analysis().feature("qu.has_decade")),
            new Feature("qu.fuzzy", in -> in.analysis().feature("qu.fuzzy")),
            new Feature("time.hour_sin", in -> Math.sin(2 * Math.PI * in.hour() / 24)),
            new Feature("time.hour_cos", in -> Math.cos(2 * Math.PI * in.hour() / 24)),
            new Feature("time.weekend", in -> in.weekend() ? 1 : 0),
            new Feature("bucket.device.voice", in -> in.context().device() == Device.VOICE ? 1 : 0),
            new Feature("profile.present", in -> in.context().profile().isEmpty() ? 0 : 1),
            new Feature("profile.affinity", in -> profileAffinity(in.analysis(), in.context().profile())),
            new Feature("memory.hit", in -> in.memoryHit() ? 1 : 0),
            new Feature("rewrite.p", Inputs::rewriteProbability));
    /** The feature names, in vector order. Part of the log format: append, never reorder. */
    public static final List<String> NAMES = ALL.stream().map(Feature::name).toList();

    /** One named feature of the context. */
    record Feature(String name, ToDoubleFunction<Inputs> value) {
    }

    /** What the features of one round are computed from. */
    record Inputs(QueryAnalysis analysis, SearchContext context, boolean memoryHit, double rewriteProbability) {
        /** The local hour of day with its minutes as a fraction. */
        double hour() {
            return context.localTime().getHour() + context.localTime().getMinute() / 60.0;
        }

        boolean weekend() {
            DayOfWeek day = context.localTime().getDayOfWeek();
            return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        }
    }

    private ContextFeatures() {
    }

    /**
     * Without a rewrite source ({@code rewrite.p} = 0).
     *
     * @param memoryHit whether the click memory (Q2E) knows this normalized query
     */
    public static ContextVector extract(QueryAnalysis a, SearchContext ctx, boolean memoryHit) {
        return extract(a, ctx, memoryHit, 0);
    }

    /**
     * @param memoryHit    whether the click memory (Q2E) knows this normalized query
     * @param rewriteProbability how likely the learned rewrite of this query succeeds (0 when there is none)
     */
    public static ContextVector extract(QueryAnalysis a, SearchContext ctx, boolean memoryHit,
                                        double rewriteProbability) {
        Inputs in = new Inputs(a, ctx, memoryHit, rewriteProbability);
        double[] v = new double[ALL.size()];
        for (int i = 0; i < v.length; i++) {
            double x = ALL.get(i).value().applyAsDouble(in);
            v[i] = Double.isFinite(x) ? Math.max(-1, Math.min(1, x)) : 0;
        }
        return new ContextVector(NAMES, v);
    }

    /**
     * Likelihood mass of the interpretations whose style or genre is one the user prefers: how much this query
     * is about the user's taste.
     */
    static double profileAffinity(QueryAnalysis a, List<String> profile) {
        if (profile.isEmpty()) {
            return 0;
        }
        Set<String> liked = new HashSet<>();
        profile.forEach(p -> liked.add(Keywords.key(p)));
        double mass = 0;
        for (Interpretation in : a.interpretations()) {
            for (Slot s : in.slots()) {
                if ((s.type() == SlotType.STYLE || s.type() == SlotType.GENRE) && liked.contains(Keywords.key(s.value()))) {
                    mass += in.likelihood();
                    break;
                }
            }
        }
        return mass;
    }
}
