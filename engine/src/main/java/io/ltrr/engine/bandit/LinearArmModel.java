package io.ltrr.engine.bandit;

/**
 * One arm's ridge-regression model of reward on the context: A = λI + Σ x xᵀ, b = Σ r x, θ̂ = A⁻¹ b. A⁻¹ is
 * kept directly and updated by Sherman–Morrison, O(d²) per observation instead of an O(d³) inversion.
 */
final class LinearArmModel {
    /** The JSON form: A⁻¹ row-major, b, pulls. */
    record State(long pulls, double[] inverse, double[] b) {
    }

    private final int d;
    private final double[] inverse;
    private final double[] b;
    private long pulls;

    private LinearArmModel(int d, double[] inverse, double[] b, long pulls) {
        this.d = d;
        this.inverse = inverse;
        this.b = b;
        this.pulls = pulls;
    }

    /** The prior: A = λI, b = 0. */
    static LinearArmModel prior(int d, double lambda) {
        double[] inverse = new double[d * d];
        for (int i = 0; i < d; i++) {
            inverse[i * d + i] = 1 / lambda;
        }
        return new LinearArmModel(d, inverse, new double[d], 0);
    }

    static LinearArmModel of(State s, int d) {
        if (s.inverse().length != d * d || s.b().length != d) {
            throw new IllegalArgumentException("linear model must have dimension " + d + ", had b of length "
                    + s.b().length);
        }
        return new LinearArmModel(d, s.inverse().clone(), s.b().clone(), s.pulls());
    }

    State state() {
        return new State(pulls, inverse.clone(), b.clone());
    }

    long pulls() {
        return pulls;
    }

    /** A⁻¹x, from which both the mean θ̂·x = b·A⁻¹x (A is symmetric) and the variance xᵀA⁻¹x follow. */
    double[] inverseTimes(double[] x) {
        double[] u = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                s += inverse[row + j] * x[j];
            }
            u[i] = s;
        }
        return u;
    }

    /** θ̂·x given u = A⁻¹x. */
    double mean(double[] u) {
        return dot(b, u);
    }

    /** xᵀA⁻¹x given u = A⁻¹x; clamped at 0 against rounding. */
    static double variance(double[] x, double[] u) {
        return Math.max(0, dot(x, u));
    }

    void update(double[] x, double reward) {
        double[] u = inverseTimes(x);
        double denominator = 1 + dot(x, u);
        // Update one triangle and mirror it, so A⁻¹ stays exactly symmetric.
        for (int i = 0; i < d; i++) {
            double ui = u[i] / denominator;
            for (int j = i; j < d; j++) {
                double v = inverse[i * d + j] - ui * u[j];
                inverse[i * d + j] = v;
                inverse[j * d + i] = v;
            }
        }
        for (int i = 0; i < d; i++) {
            b[i] += reward * x[i];
        }
        pulls++;
    }

    static double dot(double[] a, double[] c) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * c[i];
        }
        return s;
    }
}
