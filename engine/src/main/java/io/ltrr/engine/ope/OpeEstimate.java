package io.ltrr.engine.ope;

/**
 * The estimated value of one target policy (see the package documentation for the definitions).
 *
 * @param target      the target's id
 * @param rounds      logged rounds used
 * @param unsupported rounds where the target gives an arm positive probability that the log could not have
 *                    chosen (propensity 0 or missing): IPS and SNIPS count 0 there, DR the model's prediction,
 *                    so many unsupported rounds mean a biased estimate
 * @param ips         inverse propensity scoring
 * @param snips       self-normalized IPS (per arm)
 * @param dr          doubly robust
 * @param level       the confidence level of the intervals, e.g. 0.95
 * @param bootstrap   number of bootstrap resamples
 */
public record OpeEstimate(String target, int rounds, int unsupported, Estimate ips, Estimate snips, Estimate dr,
                          double level, int bootstrap) {
}
