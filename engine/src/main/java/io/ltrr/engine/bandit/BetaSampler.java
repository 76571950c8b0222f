package io.ltrr.engine.bandit;

import java.util.random.RandomGenerator;

/**
 * Beta and Gamma variates from a given (seeded) generator, since the JDK has none: Beta(a, b) = X/(X+Y) with
 * X ~ Gamma(a), Y ~ Gamma(b), and Gamma by Marsaglia and Tsang's squeeze method (2000).
 */
final class BetaSampler {
    private BetaSampler() {
    }

    static double beta(RandomGenerator random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    static double gamma(RandomGenerator random, double shape) {
        if (shape < 1) {
            // Boost: Gamma(k) = Gamma(k + 1) · U^(1/k), because the squeeze method needs shape >= 1.
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
