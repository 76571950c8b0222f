package io.ltrr.engine.store;

import java.util.List;
import java.util.Objects;

/**
 * One shown item of a logged search with its ranker features and the feedback it got: a training example.
 *
 * @param searchId        "s-&lt;n&gt;"
 * @param normalizedQuery the search's normalized query
 * @param itemId          the shown item
 * @param position        its 1-based position on the shown list
 * @param featureSet      id of the feature set (its names)
 * @param names           the feature names
 * @param values          the values, in the order of {@code names}
 * @param clicked         whether the item was clicked in that search
 * @param grade           the highest rating grade it got (0..3), or null when never rated (or only "can't tell")
 */
public record LoggedFeatures(String searchId, String normalizedQuery, String itemId, int position, String featureSet,
                             List<String> names, double[] values, boolean clicked, Integer grade) {
    public LoggedFeatures {
        Values.requireText(searchId, "searchId");
        Values.requireText(itemId, "itemId");
        names = List.copyOf(names);
        Objects.requireNonNull(values, "values");
        if (names.size() != values.length) {
            throw new IllegalArgumentException("feature set " + featureSet + " has " + names.size()
                    + " names but " + values.length + " values");
        }
        values = values.clone();
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The graded label for learning to rank: max(grade, 1 when clicked); 0 without feedback. */
    public int label() {
        int g = grade == null ? 0 : grade;
        return Math.max(g, clicked ? 1 : 0);
    }

    /** The number n of the search id "s-n" (the qid of the SVMlight export). */
    public long searchNumber() {
        return SearchIds.parse(searchId);
    }
}
