package io.ltrr.engine.export;

import io.ltrr.engine.store.LoggedRound;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The log as Vowpal Wabbit contextual-bandit examples in ADF text form ({@code --cb_explore_adf}): a shared line
 * with the context features, one line per offered arm, a blank line after each example.
 *
 * <p>Semi-bandit mapping: VW's ADF label describes one chosen action per example, while a round here chooses a
 * set S with a reward per arm. Each (round, chosen arm a) becomes one example: the label
 * {@code 0:cost:probability} sits on a's line with cost = −r_a (VW minimizes cost) and probability =
 * P_log(a ∈ S | x), the arm's marginal inclusion probability. A round thus yields |S| examples sharing the context.
 * This is exactly what per-arm IPS needs; it is not a set-level (slate) label, so a model trained on it learns
 * per-arm rewards, which is what the semi-bandit policies learn too. Chosen arms without a logged propensity are
 * skipped (VW cannot weight them).
 *
 * <p>Namespaces: {@code |x} for the context (feature names with ':' '|' and spaces replaced by '_'), {@code |a}
 * for the arm ({@code arm=ID}).
 */
public final class VwAdfExport {
    private VwAdfExport() {
    }

    /** Writes the examples of every round. */
    public static void write(Iterable<LoggedRound> rounds, Writer out) throws IOException {
        for (LoggedRound r : rounds) {
            for (String chosen : r.chosen()) {
                double p = r.loggedPropensity(chosen);
                if (!(p > 0)) {
                    continue;
                }
                StringBuilder sb = new StringBuilder("shared |x");
                for (int i = 0; i < r.x().dimension(); i++) {
                    sb.append(' ').append(token(r.x().names().get(i))).append(':').append(number(r.x().get(i)));
                }
                sb.append('\n');
                for (String arm : r.offered()) {
                    if (arm.equals(chosen)) {
                        sb.append("0:").append(number(-r.reward(arm))).append(':').append(number(p)).append(' ');
                    }
                    sb.append("|a arm=").append(token(arm)).append('\n');
                }
                out.write(sb.append('\n').toString());
            }
        }
        out.flush();
    }

    static String token(String name) {
        return name.replaceAll("[\\s:|]", "_");
    }

    /** Shortest round-trip text without exponent noise for the usual values (0, 1, -1, 0.5…). */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return Double.toString(v);
    }
}
