package io.ltrr.engine.bandit;

/**
 * Top-m selection by score with a deterministic tie-break (the arm offered first wins), so deterministic
 * policies stay deterministic even while all arms still share the prior.
 */
final class TopArms {
    private TopArms() {
    }

    /** Indices of the m highest scores, best first; ties go to the lower index. */
    static int[] of(double[] scores, int m) {
        int[] top = new int[m];
        fill(scores, top);
        return top;
    }

    /**
     * Fills {@code top} with the indices of the {@code top.length} highest scores, best first. Allocation-free
     * because Monte Carlo propensity estimates call it thousands of times per round; m is small (a handful of
     * arms), so an insertion into a sorted prefix beats a full sort.
     */
    static void fill(double[] scores, int[] top) {
        int m = top.length;
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (size == m && !(s > scores[top[m - 1]])) {
                continue;
            }
            int pos = size < m ? size++ : m - 1;
            while (pos > 0 && s > scores[top[pos - 1]]) {
                top[pos] = top[pos - 1];
                pos--;
            }
            top[pos] = i;
        }
    }
}
