package io.ltrr.app.gui;

import io.ltrr.engine.api.EarlierJudgment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Texts about a row's earlier judgments of the same query: a compact note for the feedback column ("ana 3 · bo ?
 * · team 3": each other judge's latest; the annotator's own shows on the grade chips) and a tooltip naming every
 * judgment with its label.
 */
final class JudgmentNotes {
    private JudgmentNotes() {
    }

    /** Each other judge's latest grade (imports included), not {@code annotator}'s; empty when there are none. */
    static String note(List<EarlierJudgment> earlier, String annotator) {
        List<String> parts = new ArrayList<>();
        latest(earlier).forEach((key, j) -> {
            if (j.imported() || !j.who().equals(annotator)) {
                parts.add(j.who() + " " + GradeScale.symbol(j.grade()));
            }
        });
        return String.join(" · ", parts);
    }

    /** One line per earlier judgment, oldest rating first, then imports; empty when there are none. */
    static String tooltip(List<EarlierJudgment> earlier, String annotator, GradeScale scale) {
        if (earlier.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add("Earlier judgments of this item for this query:");
        for (EarlierJudgment j : earlier) {
            String who = j.imported() ? "imported " + j.who()
                    : j.who() + (j.who().equals(annotator) ? " (you)" : "") + " in " + j.searchId();
            lines.add("  " + scale.describe(j.grade()) + " — " + who);
        }
        return String.join("\n", lines);
    }

    private static Map<String, EarlierJudgment> latest(List<EarlierJudgment> earlier) {
        Map<String, EarlierJudgment> byJudge = new LinkedHashMap<>();
        for (EarlierJudgment j : earlier) {
            String key = (j.imported() ? "import:" : "rating:") + j.who();
            byJudge.remove(key);
            byJudge.put(key, j);
        }
        return byJudge;
    }
}
