package io.ltrr.engine.sim;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * What one leaderboard run needs beyond its {@link SimulationMetrics} to be measured on the comparison's common
 * yardstick, gathered round by round: Σ_t of the m largest o_a for every m (so the regret against the oracle of any
 * selection size can be taken once the comparison's largest size is known), Σ_t Σ_{a∈S} o_a of the policy's own
 * selections, the largest and mean number of arms it chose, and Σ_t P(click | shown list). Not thread-safe: one
 * per run, on the run's thread.
 */
final class RunYardstick implements RoundObserver {
    private final BooleanSupplier abort;
    private double[] topSums;
    private double chosenValue;
    private long chosenArms;
    private int maxChosen;
    private double shownClicks;
    private long shownRounds;
    private long rounds;

    /** @param abort when it says true the run stops at its next round (another run of the comparison failed) */
    RunYardstick(BooleanSupplier abort) {
        this.abort = abort;
    }

    @Override
    public void observe(RoundOutcome outcome) {
        if (abort.getAsBoolean()) {
            throw new CancellationException("another run of the comparison failed");
        }
        double[] o = outcome.expected();
        if (topSums == null) {
            topSums = new double[o.length + 1];
        }
        int m = 0;
        for (int i = 0; i < o.length; i++) {
            if (outcome.selection().isChosen(outcome.arms().get(i))) {
                m++;
                chosenValue += o[i];
            }
        }
        Arrays.sort(o);
        double top = 0;
        for (int k = 1; k <= o.length; k++) {
            top += o[o.length - k];
            topSums[k] += top;
        }
        chosenArms += m;
        maxChosen = Math.max(maxChosen, m);
        if (!Double.isNaN(outcome.shownClickProbability())) {
            shownClicks += outcome.shownClickProbability();
            shownRounds++;
        }
        rounds++;
    }

    /** The figures of the finished run. */
    Figures figures() {
        return new Figures(rounds, topSums == null ? new double[1] : topSums.clone(), chosenValue,
                rounds == 0 ? 0 : (double) chosenArms / rounds, maxChosen,
                shownRounds == rounds && rounds > 0 ? shownClicks / rounds : Double.NaN);
    }

    /**
     * @param topSums        index m: Σ_t of the m largest o_a of round t (index 0 is 0)
     * @param chosenValue    Σ_t Σ_{a∈S_t} o_a
     * @param meanArms       mean number of arms chosen per round
     * @param maxArms        the most arms chosen in one round
     * @param expectedClicks mean P(click | shown list) per round; NaN unless every round showed a list
     */
    record Figures(long rounds, double[] topSums, double chosenValue, double meanArms, int maxArms,
                   double expectedClicks) {
        /**
         * Cumulative regret against the oracle that picks the m best arms every round: Σ_t (top-m sum) − Σ_{a∈S} o_a,
         * ≥ 0 whenever the run never chose more than m arms.
         */
        double regretAgainst(int m) {
            double best = topSums[Math.min(m, topSums.length - 1)];
            return Math.max(0, best - chosenValue);
        }
    }
}
