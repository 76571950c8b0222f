package io.ltrr.engine.rewrite;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Absorption probabilities of an absorbing Markov chain in canonical form: with Q the transient → transient
 * and R the transient → absorbing transition probabilities, B = (I − Q)⁻¹ R, so B[i][j] is the probability that
 * a walk started in transient state i ends in absorbing state j. Rows of [Q R] may sum to less than 1: the rest
 * is an implicit absorbing state nobody asks about (abandonment). Solved as the linear system (I − Q) B = R
 * with EJML, never by forming the inverse.
 */
public final class AbsorbingChain {
    private AbsorbingChain() {
    }

    /**
     * @param q n × n transient → transient probabilities
     * @param r n × m transient → absorbing probabilities
     * @return the n × m absorption probabilities
     * @throws IllegalArgumentException for mismatched shapes, or a chain some transient states never leave
     *                                  (I − Q singular)
     */
    public static double[][] absorption(double[][] q, double[][] r) {
        int n = q.length;
        if (r.length != n) {
            throw new IllegalArgumentException("r must have one row per transient state (" + n + "), has " + r.length);
        }
        if (n == 0) {
            return new double[0][0];
        }
        int m = r[0].length;
        DMatrixRMaj a = CommonOps_DDRM.identity(n);
        for (int i = 0; i < n; i++) {
            if (q[i].length != n || r[i].length != m) {
                throw new IllegalArgumentException("row " + i + " of q or r has the wrong length");
            }
            for (int j = 0; j < n; j++) {
                a.add(i, j, -q[i][j]);
            }
        }
        if (m == 0) {
            return new double[n][0];
        }
        DMatrixRMaj rhs = new DMatrixRMaj(r);
        DMatrixRMaj b = new DMatrixRMaj(n, m);
        if (!CommonOps_DDRM.solve(a, rhs, b)) {
            throw new IllegalArgumentException("I - Q is singular: some transient states are never left");
        }
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                // Round-off can leave tiny negatives or values a hair above 1.
                out[i][j] = Math.max(0, Math.min(1, b.get(i, j)));
            }
        }
        return out;
    }
}
