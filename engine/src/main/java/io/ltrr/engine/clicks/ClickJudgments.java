package io.ltrr.engine.clicks;

import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.Judgments;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Judgments derived from clicks: a click model's fit, the graded pairs as judgments of a named source, and what
 * storing them did.
 *
 * @param source    the judgment source they are stored as
 * @param fit       the fitted click model (its pairs are those shown often enough)
 * @param rule      how the model's estimates became grades
 * @param judgments one per reported pair the store can hold, by query then item
 * @param skipped   reported pairs left out because the store cannot hold them (a query or item id too long)
 * @param stored    what storing them did to the source (it is replaced; an empty list changes nothing)
 */
public record ClickJudgments(String source, ClickModelFit fit, GradeRule rule, List<Judgment> judgments,
                             int skipped, Judgments.ImportCount stored) {
    public ClickJudgments {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(rule, "rule");
        judgments = List.copyOf(judgments);
        Objects.requireNonNull(stored, "stored");
    }

    /** The default source name of a model's judgments: {@code clicks-ID}. */
    public static String defaultSource(String modelId) {
        return "clicks-" + modelId;
    }

    /** How many judgments have each grade, 0 to 3. */
    public int[] gradeCounts() {
        int[] counts = new int[Judgment.MAX_GRADE + 1];
        judgments.forEach(j -> counts[j.grade()]++);
        return counts;
    }

    /**
     * Fits the estimator on the sessions and grades its pairs as judgments of {@code source}; not yet stored
     * ({@code stored} is all zero).
     *
     * @throws IllegalArgumentException for a bad source name
     */
    public static ClickJudgments derive(List<ClickSession> sessions, RelevanceEstimator estimator,
                                        ClickModelOptions options, String source) {
        Judgment.checkSource(source);
        ClickModelFit fit = estimator.fit(sessions, options);
        GradeRule rule = estimator.gradeRule();
        List<Judgment> judgments = new ArrayList<>(fit.pairs().size());
        int skipped = 0;
        for (PairEstimate e : fit.pairs()) {
            int grade = rule.grade(e.relevance());
            if (e.query().isBlank() || e.itemId().isBlank() || Judgment.problem(e.query(), e.itemId(), grade) != null) {
                skipped++;
            } else {
                judgments.add(new Judgment(e.query(), e.itemId(), grade, source));
            }
        }
        return new ClickJudgments(source, fit, rule, judgments, skipped, new Judgments.ImportCount(0, 0, 0, 0));
    }

    /** The same judgments with what storing them did. */
    public ClickJudgments withStored(Judgments.ImportCount count) {
        return new ClickJudgments(source, fit, rule, judgments, skipped, count);
    }
}
