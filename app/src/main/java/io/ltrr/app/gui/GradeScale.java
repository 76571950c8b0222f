package io.ltrr.app.gui;

import java.util.List;

/**
 * The names of the rating scale's grades as the window shows them: 0..3 and "can't tell". Quepid-like by default
 * (irrelevant, marginal, relevant, perfect); a data folder can rename them in its GUI settings
 * ({@code gradeLabels} in {@value GuiSettings#FILE}).
 *
 * @param labels five names: grade 0, 1, 2, 3, then "can't tell"
 */
public record GradeScale(List<String> labels) {
    /** The labels of a new data folder. */
    public static final List<String> DEFAULT_LABELS = List.of("irrelevant", "marginal", "relevant", "perfect",
            "can't tell");
    /** The grades in the order the chips show them; null is "can't tell". */
    public static final List<Integer> GRADES = java.util.Arrays.asList(0, 1, 2, 3, null);

    public GradeScale {
        if (labels == null || labels.size() != DEFAULT_LABELS.size()) {
            throw new IllegalArgumentException("gradeLabels must name grades 0, 1, 2, 3 and can't tell (5 labels), got "
                    + (labels == null ? "none" : labels.size()));
        }
        for (String l : labels) {
            if (l == null || l.isBlank()) {
                throw new IllegalArgumentException("gradeLabels must not hold a blank label: " + labels);
            }
        }
        labels = List.copyOf(labels.stream().map(String::strip).toList());
    }

    public static GradeScale defaults() {
        return new GradeScale(DEFAULT_LABELS);
    }

    /** The name of a grade: 0..3, or null for "can't tell". */
    public String label(Integer grade) {
        return labels.get(grade == null ? 4 : grade);
    }

    /** The chip's short text: the digit, or "?" for "can't tell". */
    public static String symbol(Integer grade) {
        return grade == null ? "?" : Integer.toString(grade);
    }

    /** "3 perfect", "? can't tell". */
    public String describe(Integer grade) {
        return symbol(grade) + " " + label(grade);
    }
}
