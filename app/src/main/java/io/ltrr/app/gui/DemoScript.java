package io.ltrr.app.gui;

import io.ltrr.engine.sim.SimulationSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The stakeholder demo: simulated listeners search the music catalog and the bandit learns which retrieval arms
 * serve them. Slow at first so single rounds can be followed, faster once the learning shows; the caption
 * describes the latest snapshot in words, from its own numbers.
 */
final class DemoScript {
    static final String SCENARIO = "music-default";
    static final String POLICY = "thompson";
    static final long ROUNDS = 3000;
    /** Rounds over which the early and the recent regret per round are compared. */
    static final int SPAN = 200;

    /** Rounds per second once {@code rounds} rounds have been played. */
    double speedAfter(long rounds) {
        if (rounds < 30) {
            return 3;
        }
        if (rounds < 300) {
            return 30;
        }
        return 150;
    }

    /** What is happening, for the caption; {@code snap} null before the first round. */
    String caption(SimulationSnapshot snap) {
        if (snap == null || snap.roundsPlayed() == 0) {
            return "Simulated listeners are about to search the catalog. The bandit does not know yet which "
                    + "retrieval arms find what they want.";
        }
        long rounds = snap.roundsPlayed();
        if (rounds < 30) {
            return String.format(Locale.ROOT, "Round %d: the bandit is exploring — it tries retrieval arms and "
                    + "learns from which results the simulated listeners click.", rounds);
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Round %,d: ", rounds));
        List<String> top = leaders(snap);
        for (int i = 0; i < top.size(); i++) {
            String arm = top.get(i);
            double share = last(snap.selectShare(arm));
            double rate = snap.metrics().rewardRate().getOrDefault(arm, 0.0);
            out.append(i == 0 ? "" : ", then ").append(String.format(Locale.ROOT,
                    "%s gets %.0f%% of the recent picks (a click in %.0f%% of its rounds)", arm, 100 * share, 100 * rate));
        }
        out.append(". ");
        double early = perRound(snap, 0, SPAN);
        double recent = perRound(snap, rounds - SPAN, rounds);
        if (rounds >= 2L * SPAN && !Double.isNaN(early) && !Double.isNaN(recent)) {
            out.append(String.format(Locale.ROOT, "Regret per round: %.3f in the first %d rounds, %.3f in the last "
                    + "%d", early, SPAN, recent, SPAN));
            out.append(recent < 0.9 * early ? " — it learned to pick better arms." : " — still learning.");
        } else {
            out.append("The slope of the regret curve is the regret per round: the flatter, the better the picks.");
        }
        return out.toString();
    }

    /**
     * The closing card, in plain words and numbers: the learned policy's CTR and regret against the best single
     * arm and a uniformly random arm. The baselines are not separate runs: they are the simulation oracle's
     * expected CTR of each arm on this run's very queries, so they meet the same traffic.
     */
    static String summary(SimulationSnapshot snap) {
        long rounds = snap.roundsPlayed();
        int n = snap.points();
        if (rounds == 0 || n == 0) {
            return "";
        }
        String best = SimulationChartModel.bestArm(snap);
        double oracle = snap.bestExpected()[n - 1];
        double bestCtr = snap.armExpected(best)[n - 1];
        double uniformCtr = 0;
        for (String arm : snap.arms()) {
            uniformCtr += snap.armExpected(arm)[n - 1] / snap.arms().size();
        }
        return String.format(Locale.ROOT, "Summary after %,d rounds on the same simulated traffic%n"
                        + "• Learned policy (%s): a click in %.1f%% of searches; regret %.1f (%.3f per round).%n"
                        + "• Best single arm (%s every time): expected CTR %.1f%%; regret %.1f (%.3f per round).%n"
                        + "• Uniform (a random arm each time): expected CTR %.1f%%; regret %.1f (%.3f per round).%n"
                        + "The baselines are the simulation oracle's expected values for one arm on this run's own "
                        + "queries, not separate runs; the policy may show several arms per round, so its regret "
                        + "counts against as many best arms.",
                rounds, POLICY, 100 * snap.metrics().ctr(), snap.metrics().cumulativeRegret(),
                snap.metrics().meanRegret(), best, 100 * bestCtr, rounds * (oracle - bestCtr), oracle - bestCtr,
                100 * uniformCtr, rounds * (oracle - uniformCtr), oracle - uniformCtr);
    }

    /** The two arms with the largest recent share. */
    private static List<String> leaders(SimulationSnapshot snap) {
        List<String> arms = new ArrayList<>(snap.arms());
        arms.sort(Comparator.comparingDouble((String a) -> last(snap.selectShare(a))).reversed());
        return arms.subList(0, Math.min(2, arms.size()));
    }

    private static double last(double[] values) {
        return values.length == 0 ? 0 : values[values.length - 1];
    }

    /** Regret per round between the trajectory points nearest to rounds {@code from} and {@code to}; NaN if none. */
    static double perRound(SimulationSnapshot snap, long from, long to) {
        long[] rounds = snap.rounds();
        double[] regret = snap.regret();
        int a = nearest(rounds, from);
        int b = nearest(rounds, to);
        long ra = a < 0 ? 0 : rounds[a];
        double ga = a < 0 ? 0 : regret[a];
        if (b < 0 || rounds[b] <= ra) {
            return Double.NaN;
        }
        return (regret[b] - ga) / (rounds[b] - ra);
    }

    /** The index of the point nearest to round {@code r}; -1 stands for round 0 (before any point). */
    private static int nearest(long[] rounds, long r) {
        int best = -1;
        long bestGap = Math.abs(r);
        for (int i = 0; i < rounds.length; i++) {
            long gap = Math.abs(rounds[i] - r);
            if (gap < bestGap) {
                best = i;
                bestGap = gap;
            }
        }
        return best;
    }
}
