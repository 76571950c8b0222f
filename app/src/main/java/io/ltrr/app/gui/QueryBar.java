package io.ltrr.app.gui;

import io.ltrr.engine.context.Device;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The query field (Enter searches) and the context of the search: user, profile, device, time, annotator, and a
 * field where the user states a preference ("I like jazz"; Enter teaches it).
 */
public final class QueryBar extends VBox {
    private final TextField query = new TextField();

    public QueryBar(MainViewModel vm) {
        super(6);
        setId("query-bar");
        getStyleClass().add("query-bar");
        query.setId("query");
        query.setPromptText("Search the catalog — e.g. tayler love, ambient for sleeping, trip hop radio");
        query.textProperty().bindBidirectional(vm.queryProperty());
        query.setOnAction(e -> vm.search());
        Button search = new Button("Search");
        search.setId("search");
        search.setDefaultButton(false);
        search.setOnAction(e -> vm.search());
        search.disableProperty().bind(vm.busyProperty());
        HBox.setHgrow(query, Priority.ALWAYS);
        HBox line = new HBox(6, query, search);

        ContextViewModel c = vm.context();
        TextField user = field("user", c.userProperty(), 90, "user id the policy sees");
        TextField profile = field("profile", c.profileProperty(), 200, "preferred styles, comma-separated");
        profile.setPromptText("preferred styles, e.g. Trip Hop, Ambient");
        ComboBox<Device> device = new ComboBox<>(FXCollections.observableArrayList(Device.values()));
        device.setId("device");
        device.setConverter(new StringConverter<>() {
            @Override
            public String toString(Device d) {
                return d == null ? "" : d.key();
            }

            @Override
            public Device fromString(String s) {
                return Device.fromKey(s);
            }
        });
        device.valueProperty().bindBidirectional(c.deviceProperty());
        CheckBox now = new CheckBox("now");
        now.setId("time-now");
        now.selectedProperty().bindBidirectional(c.timeNowProperty());
        Spinner<Integer> hour = new Spinner<>(0, 23, c.hourProperty().get());
        hour.setId("hour");
        hour.setPrefWidth(70);
        hour.setEditable(true);
        hour.getValueFactory().valueProperty().addListener((obs, o, n) -> c.hourProperty().set(n));
        c.hourProperty().addListener((obs, o, n) -> hour.getValueFactory().setValue(n.intValue()));
        hour.disableProperty().bind(c.timeNowProperty());
        TextField annotator = field("annotator", c.annotatorProperty(), 100, "name recorded with every rating");
        TextField likes = field("preference", vm.preferenceProperty(), 220,
                "tell the workbench what this user likes (Enter): it remembers, and the next search uses it");
        likes.setPromptText("I like jazz, more trip hop, less ambient");
        likes.setOnAction(e -> vm.statePreference());
        FlowPane context = new FlowPane(6, 4, new Label("user"), user, new Label("profile"), profile,
                new Label("device"), device, new Label("time"), now, hour, new Label(":00"),
                new Label("annotator"), annotator, new Label("teach"), likes);
        context.getStyleClass().add("context-bar");
        getChildren().addAll(line, context, new InterleaveBar(vm.interleave()));
    }

    private static TextField field(String id, StringProperty p, double width, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefWidth(width);
        f.textProperty().bindBidirectional(p);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    /** Focuses the query and selects its text (Ctrl+L). */
    public void focusQuery() {
        query.requestFocus();
        query.selectAll();
    }
}
