package io.ltrr.app.gui;

import io.ltrr.engine.api.EarlierJudgment;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.rank.RankedItem;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * One shown result as the results table needs it: {@link #feedback} says what the user did with it, {@link #rating}
 * the grade given in this round, {@link #earlier} what was said about it for the same query before.
 */
public final class ResultRow {
    /**
     * A given grade: 0..3, or null for "can't tell" (an unrated row has no {@code Rated} at all).
     *
     * @param grade   the grade, null for can't tell
     * @param earlier true when it was given in an earlier search of the same query, not this one
     */
    public record Rated(Integer grade, boolean earlier) {
    }

    private final ReadOnlyObjectWrapper<Rated> rating = new ReadOnlyObjectWrapper<>(this, "rating");
    private final ReadOnlyObjectWrapper<List<EarlierJudgment>> earlierJudgments =
            new ReadOnlyObjectWrapper<>(this, "earlier", List.of());
    private final RankedItem ranked;
    private final Item item;
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper(this, "feedback", "");

    public ResultRow(RankedItem ranked, Item item) {
        this.ranked = ranked;
        this.item = item;
    }

    public RankedItem ranked() {
        return ranked;
    }

    public String itemId() {
        return ranked.itemId();
    }

    public int position() {
        return ranked.position();
    }

    /** The rank as shown: "4*" for an exploration result (brought by the explore arm alone, at a marked slot). */
    public String positionLabel() {
        return ranked.exploration() ? ranked.position() + "*" : String.valueOf(ranked.position());
    }

    public double score() {
        return ranked.score();
    }

    /** The arms that retrieved this result, in the order the round recorded them. */
    public List<String> arms() {
        return List.copyOf(ranked.provenance().keySet());
    }

    public String title() {
        return item == null ? ranked.itemId() : item.title();
    }

    public String artist() {
        return item == null ? "" : item.artist();
    }

    public String type() {
        return item == null ? "" : item.type().key();
    }

    /** The year, or "" when unknown. */
    public String year() {
        return item == null || item.year() == 0 ? "" : Integer.toString(item.year());
    }

    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** The grade given in this round, null while unrated. */
    public ReadOnlyObjectProperty<Rated> ratingProperty() {
        return rating.getReadOnlyProperty();
    }

    /** Earlier ratings (every annotator's) and imported judgments of this item for the same query. */
    public ReadOnlyObjectProperty<List<EarlierJudgment>> earlierProperty() {
        return earlierJudgments.getReadOnlyProperty();
    }

    /**
     * What the grade chips show for {@code annotator}: this round's grade, else their latest earlier one for the
     * same query (marked earlier), else empty (unrated).
     */
    public Optional<Rated> shown(String annotator) {
        if (rating.get() != null) {
            return Optional.of(rating.get());
        }
        return earlierJudgments.get().stream().filter(j -> !j.imported() && j.who().equals(annotator))
                .reduce((a, b) -> b).map(j -> new Rated(j.grade(), true));
    }

    /** Whether {@code annotator} has not judged this item for this query, now or earlier. */
    public boolean unratedBy(String annotator) {
        return shown(annotator).isEmpty();
    }

    void setEarlier(List<EarlierJudgment> judgments) {
        earlierJudgments.set(List.copyOf(judgments));
    }

    void setFeedback(String text) {
        feedback.set(text);
    }

    void setGrade(Integer g) {
        rating.set(new Rated(g, false));
    }
}
