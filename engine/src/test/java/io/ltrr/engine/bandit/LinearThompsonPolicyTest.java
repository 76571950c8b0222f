package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.api.Test;

class LinearThompsonPolicyTest extends SelectionPolicyContract {
    @Override
    protected SelectionPolicy newPolicy(long seed) {
        return new LinearThompsonPolicy(seed, Bandits.FEATURES);
    }

    /**
     * The decision draws each arm's score θ̃·x as one normal; the textbook draw is the d-dimensional
     * θ̃ ~ N(θ̂, v²A⁻¹) (here through an EJML Cholesky factor of the same A⁻¹, built by the same updates) and then
     * θ̃·x. Both must give the same distribution: mean θ̂·x and sd v·sqrt(xᵀA⁻¹x). 4,000 draws each; tolerances
     * 4 standard errors for the means and 5 % of the sd (a sample sd over 4,000 draws has ≈ 1.1 % relative error).
     */
    @Test
    void sampledScoresHaveTheDistributionOfTheFullPosteriorDraw() {
        LinearThompsonPolicy policy = new LinearThompsonPolicy(3, Bandits.FEATURES);
        LinearArmModel reference = LinearArmModel.prior(Bandits.FEATURES.size(), LinUcbPolicy.DEFAULT_LAMBDA);
        ContextVector x = Bandits.context(1);
        for (int t = 0; t < 20; t++) {
            double r = t % 3 == 0 ? 1.0 : 0.0;
            policy.update(Bandits.context(t % 2), Set.of("a"), Map.of("a", r));
            reference.update(Bandits.context(t % 2).values(), r);
        }
        SelectionBudget one = new SelectionBudget(1, 10, 1);
        int n = 4_000;
        double[] policyScores = new double[n];
        ArmDiagnostics diag = null;
        for (int i = 0; i < n; i++) {
            diag = policy.select(x, List.of("a"), one).diagnostics().get("a");
            policyScores[i] = diag.score();
        }

        int d = Bandits.FEATURES.size();
        LinearArmModel.State state = reference.state();
        DMatrixRMaj inverse = new DMatrixRMaj(d, d, true, state.inverse());
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
        assertThat(chol.decompose(inverse.copy())).isTrue();
        DMatrixRMaj lower = chol.getT(null);
        double[] theta = reference.inverseTimes(state.b());
        SplittableRandom random = new SplittableRandom(17);
        double[] textbook = new double[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = random.nextGaussian();
            }
            double score = 0;
            for (int row = 0; row < d; row++) {
                double s = theta[row];
                for (int col = 0; col <= row; col++) {
                    s += LinearThompsonPolicy.DEFAULT_V * lower.get(row, col) * z[col];
                }
                score += s * x.values()[row];
            }
            textbook[i] = score;
        }
        double sd = diag.uncertainty();
        assertThat(mean(textbook)).isCloseTo(diag.mean(), within(4 * sd / Math.sqrt(n)));
        assertThat(mean(policyScores)).isCloseTo(diag.mean(), within(4 * sd / Math.sqrt(n)));
        assertThat(sd(textbook)).isCloseTo(sd, within(0.05 * sd));
        assertThat(sd(policyScores)).isCloseTo(sd, within(0.05 * sd));
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(java.util.Arrays.stream(v).map(a -> (a - m) * (a - m)).average().orElseThrow());
    }
}
