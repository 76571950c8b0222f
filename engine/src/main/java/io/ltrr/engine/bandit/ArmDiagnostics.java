package io.ltrr.engine.bandit;

/**
 * What the policy thought of one arm in one round, for display and logs.
 *
 * @param mean        estimated expected reward in this context
 * @param uncertainty spread of that estimate (standard deviation, or the confidence width)
 * @param score       the value the policy ranked arms by this round (sampled value, upper bound, …)
 * @param pulls       how many times the arm has been chosen (in this context bucket, where the policy has buckets)
 */
public record ArmDiagnostics(double mean, double uncertainty, double score, long pulls) {
}
