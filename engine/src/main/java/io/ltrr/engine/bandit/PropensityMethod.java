package io.ltrr.engine.bandit;

import java.util.Locale;

/**
 * How a sampling policy (Thompson, linear Thompson) computes the propensities it logs: both give the marginal
 * P(a ∈ S | x) of every offered arm.
 */
public enum PropensityMethod {
    /** Numerical integration over the arms' score distributions ({@link TopMembership}): the default. */
    INTEGRAL,
    /** Replaying the policy's draws ({@link MonteCarloPropensity}, {@code draws} of them): the earlier method. */
    MONTE_CARLO;

    /** The option value: "integral" or "montecarlo". */
    public String option() {
        return this == INTEGRAL ? "integral" : "montecarlo";
    }

    /** Reads an option value, naming the valid ones when it is neither. */
    public static PropensityMethod parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "integral" -> INTEGRAL;
            case "montecarlo", "monte-carlo" -> MONTE_CARLO;
            default -> throw new IllegalArgumentException("option 'propensity' must be integral or montecarlo, was '"
                    + value + "'");
        };
    }
}
