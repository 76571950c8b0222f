package io.ltrr.engine.bandit;

/**
 * Empirical reward counts per arm as ε-greedy, UCB1 and the uniform baseline read them: one table for every context
 * ({@link ArmTally}) or one per context bucket ({@link BucketTallies}).
 */
interface ArmCounts extends ArmStatistics {
    /** The counts of {@code arm} in x's table; an arm never updated there reads {@link ArmTally.Counts#NONE}. */
    ArmTally.Counts get(ContextVector x, String arm);

    /** Σ pulls of the given arms in x's table. */
    default long totalPulls(ContextVector x, Iterable<String> arms) {
        long n = 0;
        for (String a : arms) {
            n += get(x, a).pulls();
        }
        return n;
    }
}
