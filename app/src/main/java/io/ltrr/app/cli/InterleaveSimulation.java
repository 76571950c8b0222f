package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.sim.CatalogWorld;
import io.ltrr.engine.sim.ComparisonRankers;
import io.ltrr.engine.sim.InterleavingRun;
import io.ltrr.engine.sim.InterleavingSimulation;
import io.ltrr.engine.sim.MusicScenario;
import io.ltrr.engine.sim.Scenario;
import io.ltrr.engine.sim.SimulationPolicies;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ltrr simulate --interleave A,B}: how many impressions team-draft interleaving needs to prefer one of two
 * rankers of known quality at p &lt; 0.05, over several seeds (each run stops once the sign test, looked at after
 * every impression, first prefers a side).
 */
final class InterleaveSimulation {
    static final String MONITORING = "two-sided sign test after every impression; a run ends when p < 0.05 first";

    private InterleaveSimulation() {
    }

    /**
     * Runs seeds {@code seed}, {@code seed + 1}, … {@code seed + seeds - 1}, each up to {@code rounds} impressions.
     *
     * @param maxArms the most arms a round chooses, when &gt; 0 (else the scenario's)
     */
    static Figures run(Scenario scenario, String scenarioName, RankerPair pair, String policy, long seed, int seeds,
                       long rounds, int maxArms, CatalogHolder catalog, ProgressListener progress) {
        if (!(scenario instanceof MusicScenario scenarioMusic)) {
            throw new IllegalArgumentException("--interleave needs a music scenario (a shown list to interleave); '"
                    + scenario.kind() + "' has none");
        }
        MusicScenario music = maxArms > 0 ? scenarioMusic.withMaxArms(maxArms) : scenarioMusic;
        ComparisonRankers.requireKnown(pair.a());
        ComparisonRankers.requireKnown(pair.b());
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, was " + seeds);
        }
        List<InterleavingRun> runs = new ArrayList<>();
        for (long s = seed; s < seed + seeds; s++) {
            CatalogWorld world = catalog.get().world(music, s);
            SelectionPolicy p = SimulationPolicies.create(policy, s, world.featureNames());
            runs.add(InterleavingSimulation.run(world, s, pair, p, rounds, true, progress, CancellationToken.none()));
        }
        InterleavingSimulation.Summary summary = InterleavingSimulation.summarize(runs);
        List<SeedRun> bySeed = runs.stream().map(r -> SeedRun.of(r, pair)).toList();
        return new Figures(scenarioName, policy, pair.a(), pair.b(), rounds, InterleavingComparison.ALPHA, MONITORING,
                bySeed, summary.detections(), summary.wrong(),
                summary.medianAt() > 0 ? summary.medianAt() : null, summary.fewest(), summary.most());
    }

    /**
     * The figures of the runs.
     *
     * @param medianImpressionsToDetect the median over the seeds (a seed that never detected counts as more than
     *                                  any); left out when the median seed never detected
     * @param wrongSideRuns             runs that preferred the ranker whose own pages have the lower nDCG@10
     */
    record Figures(String scenario, String policy, String rankerA, String rankerB, long maxImpressions, double alpha,
                   String monitoring, List<SeedRun> seeds, int detectedRuns, int wrongSideRuns,
                   @JsonInclude(Include.NON_NULL) Double medianImpressionsToDetect, long fewestImpressionsToDetect,
                   long mostImpressionsToDetect) {
    }

    /**
     * One seed's run.
     *
     * @param detectedAfterImpressions the impressions after which p &lt; alpha first held (0: it never did)
     * @param preferred                the ranker preferred then, or "neither"
     * @param betterByNdcg             the ranker whose own pages have the higher mean nDCG@10 (the truth), or "equal"
     */
    record SeedRun(long seed, long detectedAfterImpressions, String preferred, String betterByNdcg, long impressions,
                   long aWins, long bWins, long ties, double pValue,
                   @JsonProperty("mean_ndcg_at_10_a") double meanNdcgAt10A,
                   @JsonProperty("mean_ndcg_at_10_b") double meanNdcgAt10B, double clickedShare) {
        static SeedRun of(InterleavingRun r, RankerPair pair) {
            InterleavingComparison c = r.comparison();
            return new SeedRun(r.seed(), r.detectedAt(), r.detected().map(pair::of).orElse("neither"),
                    r.better().map(pair::of).orElse("equal"), c.impressions(), c.aWins(), c.bWins(), c.ties(),
                    c.pValue(), r.meanNdcgA(), r.meanNdcgB(), r.clickedShare());
        }
    }

    static void print(Figures f, PrintStream out) {
        out.printf(Locale.ROOT, "interleaving %s (A) vs %s (B) on %s, policy %s, up to %d impressions per seed%n",
                f.rankerA(), f.rankerB(), f.scenario(), f.policy(), f.maxImpressions());
        out.printf(Locale.ROOT, "(%s)%n", MONITORING);
        out.printf(Locale.ROOT, "%6s %10s %-10s %-12s %7s %7s %7s %9s %8s %8s%n", "seed", "detected", "preferred",
                "better(nDCG)", "A wins", "B wins", "ties", "p", "nDCG A", "nDCG B");
        for (SeedRun s : f.seeds()) {
            out.printf(Locale.ROOT, "%6d %10s %-10s %-12s %7d %7d %7d %9.3g %8.4f %8.4f%n", s.seed(),
                    s.detectedAfterImpressions() > 0 ? Long.toString(s.detectedAfterImpressions()) : "no",
                    s.preferred(), s.betterByNdcg(), s.aWins(), s.bWins(), s.ties(), s.pValue(), s.meanNdcgAt10A(),
                    s.meanNdcgAt10B());
        }
        out.printf(Locale.ROOT, "detected in %d of %d seeds (%d the worse side); impressions to detect: median %s, "
                        + "range %d–%d%n", f.detectedRuns(), f.seeds().size(), f.wrongSideRuns(),
                f.medianImpressionsToDetect() == null ? "not reached (> " + f.maxImpressions() + ")"
                        : String.format(Locale.ROOT, "%.1f", f.medianImpressionsToDetect()),
                f.fewestImpressionsToDetect(), f.mostImpressionsToDetect());
    }
}
