package io.ltrr.app.gui;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The interleaving switch above the results: a toggle, the two rankers compared (A and B), and their running score.
 */
public final class InterleaveBar extends HBox {
    public InterleaveBar(InterleaveViewModel vm) {
        super(6);
        setId("interleave-bar");
        setAlignment(Pos.CENTER_LEFT);
        ToggleButton toggle = new ToggleButton("Interleave A/B");
        toggle.setId("interleave-toggle");
        toggle.setTooltip(new Tooltip("Searches show the team-draft interleaving of two rankers; a click credits the "
                + "ranker whose team drafted the item (the explain pane names it)"));
        toggle.selectedProperty().bindBidirectional(vm.onProperty());
        ComboBox<String> a = combo("interleave-a", vm);
        a.valueProperty().bindBidirectional(vm.rankerAProperty());
        ComboBox<String> b = combo("interleave-b", vm);
        b.valueProperty().bindBidirectional(vm.rankerBProperty());
        Label score = new Label();
        score.setId("interleave-score");
        score.textProperty().bind(vm.scoreProperty());
        getChildren().addAll(toggle, new Label("A"), a, new Label("vs B"), b, score);
    }

    private static ComboBox<String> combo(String id, InterleaveViewModel vm) {
        ComboBox<String> c = new ComboBox<>(vm.rankers());
        c.setId(id);
        c.disableProperty().bind(vm.onProperty().not());
        return c;
    }
}
