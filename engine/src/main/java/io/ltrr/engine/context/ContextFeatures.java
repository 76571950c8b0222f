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

/**
 * Turns a query's analysis and its context into the bandit's feature vector x. Every feature has a stable
 * name (shown in the GUI, logged with every round); all values lie in [−1, 1] so linear policies need no
 * scaling. Features prefixed "bucket." are the discrete ones context-bucketed policies key on.
 */
public final class ContextFeatures {
    /** The feature names, in vector order. Part of the log format: append, never reorder. */
    public static final List<String> NAMES = List.of(
            "bias",
            "query.tokens",
            "qu.confidence",
            "bucket.qu.entity",
            "bucket.qu.topical",
            "qu.ambiguous",
            "qu.has_artist",
            "qu.has_style",
            "qu.has_decade",
            "qu.fuzzy",
            "time.hour_sin",
            "time.hour_cos",
            "time.weekend",
            "bucket.device.voice",
            "profile.present",
            "profile.affinity",
            "memory.hit",
            "rewrite.p");

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
        double hour = ctx.localTime().getHour() + ctx.localTime().getMinute() / 60.0;
        DayOfWeek day = ctx.localTime().getDayOfWeek();
        double[] v = {
            1.0,
            Math.min(1.0, a.tokens().size() / 8.0),
            a.confidence(),
            a.feature("qu.type.entity"),
            a.feature("qu.type.topical"),
            a.feature("qu.type.ambiguous"),
            a.feature("qu.has_artist"),
            a.feature("qu.has_style"),
            a.feature("qu.has_decade"),
            a.feature("qu.fuzzy"),
            Math.sin(2 * Math.PI * hour / 24),
            Math.cos(2 * Math.PI * hour / 24),
            day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 1 : 0,
            ctx.device() == Device.VOICE ? 1 : 0,
            ctx.profile().isEmpty() ? 0 : 1,
            profileAffinity(a, ctx.profile()),
            memoryHit ? 1 : 0,
            rewriteProbability,
        };
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.isFinite(v[i]) ? Math.max(-1, Math.min(1, v[i])) : 0;
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
