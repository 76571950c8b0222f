package io.ltrr.engine.clicks.recovery;

import java.util.Arrays;
import java.util.Comparator;

/** Rank correlations of paired values, ties allowed (a true relevance of four grades has many). */
public final class RankCorrelation {
    private RankCorrelation() {
    }

    /**
     * Spearman's ρ: Pearson's correlation of the ranks, tied values sharing their mean rank. NaN for fewer than two
     * pairs or when either side is constant.
     */
    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return x.length < 2 ? Double.NaN : pearson(ranks(x), ranks(y));
    }

    /**
     * Kendall's τ-b: (concordant − discordant) / √((n0 − ties in x)(n0 − ties in y)), n0 = n(n−1)/2. NaN for fewer
     * than two pairs or when either side is constant.
     */
    public static double kendallTauB(double[] x, double[] y) {
        check(x, y);
        long concordant = 0;
        long discordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                int a = Double.compare(x[i], x[j]);
                int b = Double.compare(y[i], y[j]);
                if (a == 0) {
                    tiedX++;
                }
                if (b == 0) {
                    tiedY++;
                }
                if (a != 0 && b != 0) {
                    if (a == b) {
                        concordant++;
                    } else {
                        discordant++;
                    }
                }
            }
        }
        long n0 = (long) x.length * (x.length - 1) / 2;
        double denominator = Math.sqrt((double) (n0 - tiedX) * (n0 - tiedY));
        return denominator == 0 ? Double.NaN : (concordant - discordant) / denominator;
    }

    /** 1-based ranks, ascending, ties at their mean rank. */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] rank = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && Double.compare(v[order[j + 1]], v[order[i]]) == 0) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = mean;
            }
            i = j + 1;
        }
        return rank;
    }

    private static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired values needed: " + x.length + " and " + y.length);
        }
    }
}
