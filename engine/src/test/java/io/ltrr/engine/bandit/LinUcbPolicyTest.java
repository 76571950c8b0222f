package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class LinUcbPolicyTest extends SelectionPolicyContract {
    @Override
    protected SelectionPolicy newPolicy(long seed) {
        return new LinUcbPolicy(seed, Bandits.FEATURES);
    }

    @Test
    void shermanMorrisonMatchesTheDirectRidgeSolution() {
        int d = 5;
        List<String> names = List.of("x0", "x1", "x2", "x3", "x4");
        LinUcbPolicy policy = new LinUcbPolicy(1, names, 0.7, 2.0);
        DMatrixRMaj a = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.scale(2.0, a);
        DMatrixRMaj b = new DMatrixRMaj(d, 1);
        SplittableRandom random = new SplittableRandom(99);
        for (int t = 0; t < 300; t++) {
            double[] x = random.doubles(d, -1, 1).toArray();
            double r = random.nextDouble();
            policy.update(new ContextVector(names, x), Set.of("arm"), Map.of("arm", r));
            DMatrixRMaj xv = new DMatrixRMaj(d, 1, true, x);
            CommonOps_DDRM.multAddTransB(xv, xv, a);
            CommonOps_DDRM.addEquals(b, r, xv);
        }
        double[] x = {1, 0.5, -0.25, 0, 0.75};
        DMatrixRMaj inv = new DMatrixRMaj(d, d);
        CommonOps_DDRM.invert(a, inv);
        DMatrixRMaj theta = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.mult(inv, b, theta);
        DMatrixRMaj xv = new DMatrixRMaj(d, 1, true, x);
        double mean = CommonOps_DDRM.dot(theta, xv);
        DMatrixRMaj invX = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.mult(inv, xv, invX);
        double width = 0.7 * Math.sqrt(CommonOps_DDRM.dot(xv, invX));

        ArmDiagnostics diag = policy.select(new ContextVector(names, x), List.of("arm"), new SelectionBudget(1, 10, 1))
                .diagnostics().get("arm");
        assertThat(diag.mean()).isCloseTo(mean, within(1e-9));
        assertThat(diag.uncertainty()).isCloseTo(width, within(1e-9));
        assertThat(diag.score()).isCloseTo(mean + width, within(1e-9));
    }

    @Test
    void rejectsContextsWithOtherFeatures() {
        LinUcbPolicy policy = new LinUcbPolicy(1, Bandits.FEATURES);
        ContextVector other = new ContextVector(List.of("bias", "g"), new double[] {1, 0});
        assertThatThrownBy(() -> policy.select(other, List.of("a"), new SelectionBudget(1, 10, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[bias, g]");
    }

    @Test
    void restoreRejectsASnapshotTakenWithAnotherAlpha() {
        String snapshot = new LinUcbPolicy(1, Bandits.FEATURES, 2.0, 1.0).snapshot();
        assertThatThrownBy(() -> new LinUcbPolicy(1, Bandits.FEATURES).restore(snapshot))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config");
    }
}
