package io.ltrr.engine.retrieval;

import java.util.List;

/**
 * Why a score is what it is: a value, what it is, and the parts it was made of. Small enough for the GUI to
 * show as a tree and for the command line to print.
 */
public record ScoreExplanation(double value, String description, List<ScoreExplanation> details) {
    public ScoreExplanation {
        details = List.copyOf(details);
    }

    public static ScoreExplanation leaf(double value, String description) {
        return new ScoreExplanation(value, description, List.of());
    }

    /** Indented text, one node per line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        append(sb, 0);
        return sb.toString();
    }

    private void append(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append(String.format(java.util.Locale.ROOT, "%.4f", value))
                .append("  ").append(description).append('\n');
        for (ScoreExplanation d : details) {
            d.append(sb, depth + 1);
        }
    }
}
