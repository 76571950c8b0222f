package io.ltrr.app.gui;

import io.ltrr.engine.sim.RoundOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One simulated round in words, for the Step read-out: who searched what, what the policy chose, what was shown. */
final class RoundDetails {
    /** Shown items listed at most. */
    static final int MAX_SHOWN = 10;

    private RoundDetails() {
    }

    /** The round's query, context, chosen arms, shown list (clicked items marked) and rewards; "" for null. */
    static String describe(RoundOutcome o) {
        if (o == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Round %,d — user %s, intent %s%n", o.round() + 1, o.userId(),
                o.intent()));
        out.append("Query: ").append(o.query().isEmpty() ? "(none: the synthetic scenario has no text)"
                : "\"" + o.query() + "\"").append('\n');
        out.append("Context: ").append(context(o)).append('\n');
        List<String> chosen = new ArrayList<>();
        for (String arm : o.selection().chosen()) {
            double reward = o.rewards().getOrDefault(arm, 0.0);
            chosen.add(String.format(Locale.ROOT, "%s (reward %.0f, oracle %.2f)", arm, reward, o.expected(arm)));
        }
        out.append("Chosen arms: ").append(chosen.isEmpty() ? "none" : String.join(", ", chosen)).append('\n');
        if (o.shown().isEmpty()) {
            out.append("Shown list: none in this scenario; ").append(o.clicked() ? "a reward" : "no reward");
        } else {
            out.append("Shown list (✔ = clicked): ");
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Math.min(MAX_SHOWN, o.shown().size()); i++) {
                String id = o.shown().get(i);
                items.add((i + 1) + ". " + id + (o.clickedItems().contains(id) ? " ✔" : ""));
            }
            out.append(String.join("  ", items));
            if (o.shown().size() > MAX_SHOWN) {
                out.append("  … (").append(o.shown().size()).append(" shown)");
            }
            out.append('\n').append(o.clicked() ? "Clicked: " + String.join(", ", o.clickedItems()) : "No click");
        }
        return out.toString();
    }

    /** The context features that are set (non-zero), name=value. */
    private static String context(RoundOutcome o) {
        List<String> parts = new ArrayList<>();
        List<String> names = o.x().names();
        double[] values = o.x().values();
        for (int i = 0; i < names.size(); i++) {
            if (values[i] != 0) {
                parts.add(values[i] == 1 ? names.get(i) : String.format(Locale.ROOT, "%s=%.2f", names.get(i),
                        values[i]));
            }
        }
        return parts.isEmpty() ? "(no features)" : String.join(", ", parts);
    }
}
