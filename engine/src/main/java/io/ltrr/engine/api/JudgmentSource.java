package io.ltrr.engine.api;

import io.ltrr.engine.store.Judgment;
import java.util.Objects;

/**
 * Which relevance judgments score a query set: the log's own ratings ({@code own}: per query and item the mean
 * grade of every annotator, rounded), one imported source ({@code imported:NAME}), or both ({@code all}: a pair
 * judged by several counts with its highest grade).
 *
 * @param kind   own, imported or all
 * @param source the imported source's name for {@link Kind#IMPORTED}, else null
 */
public record JudgmentSource(Kind kind, String source) {
    /** Where judgments come from. */
    public enum Kind { OWN, IMPORTED, ALL }

    public static final JudgmentSource OWN = new JudgmentSource(Kind.OWN, null);
    public static final JudgmentSource ALL = new JudgmentSource(Kind.ALL, null);

    public JudgmentSource {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.IMPORTED) {
            Judgment.checkSource(source);
        } else if (source != null) {
            throw new IllegalArgumentException("source: only imported judgments name a source");
        }
    }

    /** Imported judgments of one source. */
    public static JudgmentSource imported(String source) {
        return new JudgmentSource(Kind.IMPORTED, source);
    }

    /**
     * "own", "all" or "imported:NAME".
     *
     * @throws IllegalArgumentException for anything else, saying what is accepted
     */
    public static JudgmentSource parse(String text) {
        String t = Objects.requireNonNull(text, "judgments").strip();
        if (t.equals("own")) {
            return OWN;
        }
        if (t.equals("all")) {
            return ALL;
        }
        if (t.startsWith("imported:") && t.length() > "imported:".length()) {
            return imported(t.substring("imported:".length()));
        }
        throw new IllegalArgumentException("judgments must be own, all or imported:SOURCE, was '" + text + "'");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case OWN -> "own";
            case ALL -> "all";
            case IMPORTED -> "imported:" + source;
        };
    }
}
