package io.ltrr.app.gui;

import io.ltrr.app.gui.ResultRow.Rated;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The rating scale as five clickable chips: 0 1 2 3 ?. The given grade's chip is filled and names its label
 * ("3 perfect"); a grade from an earlier search of the same query is outlined with a dashed border; an unrated row shows
 * five pale chips. So rated 0, can't tell and unrated never look alike. A click on a chip rates with it.
 */
public final class GradeChips extends HBox {
    private final GradeScale scale;

    /**
     * @param shown what to show: the grade given, or empty when unrated
     * @param onRate called with the clicked grade (null for can't tell); null for chips that only show
     */
    public GradeChips(GradeScale scale, Optional<Rated> shown, Consumer<Integer> onRate) {
        super(2);
        this.scale = scale;
        getStyleClass().add("grade-chips");
        setAlignment(Pos.CENTER_LEFT);
        for (Integer g : GradeScale.GRADES) {
            getChildren().add(chip(g, shown, onRate));
        }
    }

    private Label chip(Integer grade, Optional<Rated> shown, Consumer<Integer> onRate) {
        boolean on = shown.isPresent() && java.util.Objects.equals(shown.get().grade(), grade);
        boolean earlier = on && shown.get().earlier();
        Label l = new Label(on ? scale.describe(grade) : GradeScale.symbol(grade));
        l.getStyleClass().addAll("grade-chip", styleClass(grade));
        l.getStyleClass().add(on ? (earlier ? "grade-earlier" : "grade-set") : "grade-off");
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setUserData(grade == null ? "?" : grade);
        String key = grade == null ? "x" : grade + " / " + "asdf".charAt(grade);
        l.setTooltip(new Tooltip(scale.describe(grade) + (earlier ? " — your grade in an earlier search of this query"
                : "") + (onRate == null ? "" : " — click or press " + key)));
        if (onRate != null) {
            l.setOnMouseClicked(e -> {
                onRate.accept(grade);
                e.consume();
            });
        }
        return l;
    }

    /** The chip's colour class: grade-0 … grade-3, grade-unsure for can't tell. */
    static String styleClass(Integer grade) {
        return grade == null ? "grade-unsure" : "grade-" + grade;
    }
}
