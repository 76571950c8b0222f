package io.ltrr.engine.agreement;

/**
 * Chance-corrected agreement: κ = (P_o − P_e) / (1 − P_e), where P_o is the observed agreement and P_e the
 * agreement expected by chance from the category frequencies. κ is 1 for perfect agreement, 0 for chance level,
 * negative below; undefined (NaN) when chance agreement is already 1 (every rating in one category).
 */
public final class Kappa {
    private Kappa() {
    }

    /**
     * Cohen's κ of two raters (Cohen 1960): P_e = Σ_k p_A(k) p_B(k) with each rater's own marginals.
     *
     * @param a          rater A's category per item (0 … categories−1)
     * @param b          rater B's category for the same items
     * @param categories number of categories
     */
    public static double cohen(int[] a, int[] b, int categories) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("both raters must rate the same items, had " + a.length + " and " + b.length);
        }
        if (a.length == 0) {
            return Double.NaN;
        }
        double[] pa = new double[categories];
        double[] pb = new double[categories];
        double agree = 0;
        for (int i = 0; i < a.length; i++) {
            check(a[i], categories);
            check(b[i], categories);
            pa[a[i]]++;
            pb[b[i]]++;
            agree += a[i] == b[i] ? 1 : 0;
        }
        double po = agree / a.length;
        double pe = 0;
        for (int k = 0; k < categories; k++) {
            pe += pa[k] / a.length * (pb[k] / a.length);
        }
        return kappa(po, pe);
    }

    /**
     * Cohen's weighted κ with quadratic weights (Cohen 1968; Fleiss &amp; Cohen 1973), for ordinal categories such
     * as the 0–3 grades: a disagreement by d categories costs w = d² / (categories − 1)², so 0 vs 3 counts nine
     * times 0 vs 1. κ_w = 1 − Σ w_ij O_ij / Σ w_ij E_ij, with O the observed proportions of (A, B) category pairs
     * and E_ij = p_A(i) p_B(j) the chance proportions from each rater's marginals. NaN when there are no items or
     * the expected weighted disagreement is 0 (both raters always in one same category).
     */
    public static double quadraticWeighted(int[] a, int[] b, int categories) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("both raters must rate the same items, had " + a.length + " and " + b.length);
        }
        if (a.length == 0 || categories < 2) {
            return Double.NaN;
        }
        double[] pa = new double[categories];
        double[] pb = new double[categories];
        double observed = 0;
        double scale = (double) (categories - 1) * (categories - 1);
        for (int i = 0; i < a.length; i++) {
            check(a[i], categories);
            check(b[i], categories);
            pa[a[i]]++;
            pb[b[i]]++;
            observed += (a[i] - b[i]) * (a[i] - b[i]) / scale;
        }
        observed /= a.length;
        double expected = 0;
        for (int i = 0; i < categories; i++) {
            for (int j = 0; j < categories; j++) {
                expected += (i - j) * (i - j) / scale * (pa[i] / a.length) * (pb[j] / a.length);
            }
        }
        return expected <= 0 ? Double.NaN : 1 - observed / expected;
    }

    /**
     * Fleiss' κ of n raters per item (Fleiss 1971): P_i = (Σ_k n_ik² − n) / (n(n−1)), P_o = mean P_i,
     * p_k = Σ_i n_ik / (N n), P_e = Σ_k p_k².
     *
     * @param counts counts[i][k] = how many raters put item i in category k; every row sums to the same n ≥ 2
     */
    public static double fleiss(int[][] counts) {
        if (counts.length == 0) {
            return Double.NaN;
        }
        int categories = counts[0].length;
        int n = 0;
        for (int c : counts[0]) {
            n += c;
        }
        if (n < 2) {
            throw new IllegalArgumentException("Fleiss' kappa needs at least 2 ratings per item, had " + n);
        }
        double[] p = new double[categories];
        double sumPi = 0;
        for (int[] row : counts) {
            if (row.length != categories) {
                throw new IllegalArgumentException("every item needs a count for each of " + categories + " categories");
            }
            int rowSum = 0;
            double squares = 0;
            for (int k = 0; k < categories; k++) {
                rowSum += row[k];
                squares += (double) row[k] * row[k];
                p[k] += row[k];
            }
            if (rowSum != n) {
                throw new IllegalArgumentException("every item needs the same number of ratings, " + n + ", had " + rowSum);
            }
            sumPi += (squares - n) / ((double) n * (n - 1));
        }
        double pe = 0;
        for (int k = 0; k < categories; k++) {
            double pk = p[k] / ((double) counts.length * n);
            pe += pk * pk;
        }
        return kappa(sumPi / counts.length, pe);
    }

    private static double kappa(double po, double pe) {
        return pe >= 1 ? Double.NaN : (po - pe) / (1 - pe);
    }

    private static void check(int category, int categories) {
        if (category < 0 || category >= categories) {
            throw new IllegalArgumentException("category must be in [0, " + categories + "), was " + category);
        }
    }
}
