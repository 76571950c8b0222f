package io.ltrr.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored explicit judgement of a shown item.
 *
 * @param ratingId  "r-&lt;n&gt;"
 * @param searchId  the search whose result list was rated
 * @param itemId    the rated item
 * @param grade     0 (bad) … 3 (perfect), or null when the annotator could not tell
 * @param annotator who rated
 * @param at        when
 */
public record RatingEvent(String ratingId, String searchId, String itemId, Integer grade, String annotator,
                          Instant at) {
    public RatingEvent {
        Values.requireText(ratingId, "ratingId");
        Values.requireText(searchId, "searchId");
        Values.requireText(itemId, "itemId");
        checkGrade(grade);
        Values.requireText(annotator, "annotator");
        Objects.requireNonNull(at, "at");
    }

    /** True when the annotator could not tell (no grade, no reward). */
    public boolean cantTell() {
        return grade == null;
    }

    /** Longest annotator name the log keeps. */
    public static final int MAX_ANNOTATOR_CHARS = 256;

    /** Checks an annotator name before anything is written: not blank, at most {@value #MAX_ANNOTATOR_CHARS}. */
    public static String checkAnnotator(String annotator) {
        Values.requireText(annotator, "annotator");
        if (annotator.length() > MAX_ANNOTATOR_CHARS) {
            throw new IllegalArgumentException("the annotator name is " + annotator.length()
                    + " characters long (at most " + MAX_ANNOTATOR_CHARS + ")");
        }
        return annotator;
    }

    public static void checkGrade(Integer grade) {
        if (grade != null && (grade < 0 || grade > 3)) {
            throw new IllegalArgumentException("grade must be 0..3 (or null for can't tell), was " + grade);
        }
    }
}
