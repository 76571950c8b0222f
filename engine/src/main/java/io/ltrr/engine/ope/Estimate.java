package io.ltrr.engine.ope;

/**
 * A point estimate with its bootstrap percentile interval.
 *
 * @param value  the estimate on the whole log
 * @param ciLow  lower end of the interval
 * @param ciHigh upper end
 */
public record Estimate(double value, double ciLow, double ciHigh) {
    /** Whether {@code v} lies within [ciLow, ciHigh]. */
    public boolean covers(double v) {
        return v >= ciLow && v <= ciHigh;
    }
}
