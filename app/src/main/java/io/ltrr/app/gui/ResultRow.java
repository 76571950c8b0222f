package io.ltrr.app.gui;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.rank.RankedItem;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/** One shown result as the results table needs it; {@link #feedback} says what the user did with it. */
public final class ResultRow {
    private final RankedItem ranked;
    private final Item item;
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper(this, "feedback", "");
    private final ReadOnlyObjectWrapper<Integer> grade = new ReadOnlyObjectWrapper<>(this, "grade");

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

    /** The latest explicit grade given to this result in this round, null when none. */
    public ReadOnlyObjectProperty<Integer> gradeProperty() {
        return grade.getReadOnlyProperty();
    }

    void setFeedback(String text) {
        feedback.set(text);
    }

    void setGrade(Integer g) {
        grade.set(g);
    }
}
