package io.ltrr.engine.sim;

import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.Team;
import java.util.Optional;

/**
 * One seeded simulation of an interleaved comparison.
 *
 * @param seed         the run's seed
 * @param comparison   the score when the run ended
 * @param detectedAt   the number of impressions after which the sign test first preferred a side at p &lt; 0.05
 *                     (checked after every impression), or 0 when it never did
 * @param detected     the side preferred then, empty when none was
 * @param meanNdcgA    mean nDCG@10 of the page ranker A would have shown alone, on the same rounds (the truth)
 * @param meanNdcgB    the same for ranker B
 * @param clickedShare the share of impressions with at least one click
 */
public record InterleavingRun(long seed, InterleavingComparison comparison, long detectedAt, Optional<Team> detected,
                              double meanNdcgA, double meanNdcgB, double clickedShare) {
    /** The side the simulator's truth says is better (higher mean nDCG@10), empty on a tie. */
    public Optional<Team> better() {
        return meanNdcgA == meanNdcgB ? Optional.empty() : Optional.of(meanNdcgA > meanNdcgB ? Team.A : Team.B);
    }
}
