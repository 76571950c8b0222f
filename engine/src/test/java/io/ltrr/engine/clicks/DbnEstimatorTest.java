package io.ltrr.engine.clicks;

import static io.ltrr.engine.clicks.Sessions.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DbnEstimatorTest {
    /**
     * One EM step from a = s = γ = 0.5 on three sessions, by hand. [A B] clicked at 1: X_2 = 0.5, stop after A =
     * 0.5 + 0.5·0.5 = 0.75, P(satisfied by A) = 0.5 / (0.5 + 0.5·0.75) = 4/7, B examined with (3/7)·0.5·0.5 / 0.75 =
     * 1/7, B attractive 6/7·0.5 = 3/7. [A B] not clicked: X_1 = 0.375, B examined with 0.5·0.5·0.5 / 0.375 = 1/3, B
     * attractive 1/3. [B A] clicked at 2: B examined and not attractive, A's click is the last one on the list, so
     * satisfied with s = 1/2. Then a_A = 2/3, a_B = (3/7 + 1/3) / 3 = 16/63, s_A = (4/7 + 1/2) / 2 = 15/28, s_B
     * unchanged (never clicked), γ = (1/7 + 1/3 + 1) / (3/7 + 1 + 1) = 31/51.
     */
    @Test
    void oneEmStepByHand() {
        List<ClickSession> sessions = new Sessions().add("q", "A,B", 1).add("q", "A,B").add("q", "B,A", 2).list();
        ClickModelFit fit = new DbnEstimator().fit(sessions, new ClickModelOptions(1, 1, 1e-6));

        PairEstimate a = pair(fit, "q", "A");
        PairEstimate b = pair(fit, "q", "B");
        assertThat(a.parts().get("attractiveness")).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(a.parts().get("satisfaction")).isCloseTo(15 / 28.0, within(1e-12));
        assertThat(a.relevance()).isCloseTo(2 / 3.0 * 15 / 28.0, within(1e-12));
        assertThat(b.parts().get("attractiveness")).isCloseTo(16 / 63.0, within(1e-12));
        assertThat(b.parts().get("satisfaction")).isEqualTo(0.5);
        assertThat(fit.parameters().get("gamma")).isCloseTo(31 / 51.0, within(1e-12));
        assertThat(fit.iterations()).isEqualTo(1);
        assertThat(fit.converged()).isFalse();
    }

    /**
     * Users who follow the DBN itself (seed 11): five items of one query in a random order per session, 30,000
     * sessions. EM recovers a and γ within 0.02 and s within 0.05 (s rests on the clicks alone, fewer than 2,000 for
     * the least attractive item).
     */
    @Test
    void recoversTheParametersOfUsersWhoFollowTheModel() {
        double[] a = {0.8, 0.6, 0.4, 0.25, 0.1};
        double[] s = {0.9, 0.7, 0.5, 0.3, 0.6};
        double gamma = 0.85;
        SplittableRandom random = new SplittableRandom(11);
        List<ClickSession> sessions = new ArrayList<>();
        for (int t = 0; t < 30_000; t++) {
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
            for (int i = order.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                order.set(i, order.set(j, order.get(i)));
            }
            Set<Integer> clicked = new TreeSet<>();
            for (int k = 0; k < order.size(); k++) {
                int item = order.get(k);
                boolean click = random.nextDouble() < a[item];
                if (click) {
                    clicked.add(k + 1);
                }
                if ((click && random.nextDouble() < s[item]) || random.nextDouble() >= gamma) {
                    break;
                }
            }
            sessions.add(new ClickSession("s" + t, "q", order.stream().map(i -> "i" + i).toList(), clicked));
        }
        ClickModelFit fit = new DbnEstimator().fit(sessions, ClickModelOptions.defaults());

        assertThat(fit.parameters().get("gamma")).as("gamma").isCloseTo(gamma, within(0.02));
        for (int i = 0; i < a.length; i++) {
            PairEstimate e = pair(fit, "q", "i" + i);
            assertThat(e.parts().get("attractiveness")).as("a of i" + i).isCloseTo(a[i], within(0.02));
            assertThat(e.parts().get("satisfaction")).as("s of i" + i).isCloseTo(s[i], within(0.05));
        }
    }
}
