package io.ltrr.engine.sim;

import java.util.Locale;

/**
 * θ_k, the probability that a user examines the item at 0-based position k: {@code power} gives
 * 1 / (1 + k)^parameter, {@code geometric} gives parameter^k. Both start at θ_0 = 1.
 *
 * @param kind      "power" or "geometric"
 * @param parameter the exponent (power, ≥ 0) or the ratio (geometric, in (0, 1])
 */
public record PositionBias(String kind, double parameter) {
    public PositionBias {
        kind = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        switch (kind) {
            case "power" -> {
                if (!(parameter >= 0 && parameter <= 10)) {
                    throw new IllegalArgumentException("position_bias.parameter of 'power' must be in [0, 10], was "
                            + parameter);
                }
            }
            case "geometric" -> {
                if (!(parameter > 0 && parameter <= 1)) {
                    throw new IllegalArgumentException("position_bias.parameter of 'geometric' must be in (0, 1], was "
                            + parameter);
                }
            }
            default -> throw new IllegalArgumentException("position_bias.kind must be 'power' or 'geometric', was '"
                    + kind + "'");
        }
    }

    /** 1 / (1 + k)^0.7. */
    public static PositionBias defaults() {
        return new PositionBias("power", 0.7);
    }

    /** θ_k for 0-based position k. */
    public double at(int k) {
        return kind.equals("power") ? Math.pow(1 + k, -parameter) : Math.pow(parameter, k);
    }
}
