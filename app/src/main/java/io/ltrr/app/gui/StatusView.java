package io.ltrr.app.gui;

import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;

/**
 * The bottom bar: the latest message; catalog size and where it is searched, where feedback is saved (a warning
 * while the store does not answer), data folder, events logged, the policy and ranker switches.
 */
public final class StatusView extends StatusBar {
    /** The store label's style while the store does not answer. */
    static final String OFFLINE = "store-offline";

    public StatusView(StatusViewModel vm) {
        setId("status");
        textProperty().bind(vm.messageProperty());
        Label catalog = new Label();
        catalog.textProperty().bind(vm.catalogProperty());
        Label backend = new Label();
        backend.setId("backend");
        backend.textProperty().bind(vm.backendProperty());
        backend.setTooltip(new Tooltip("where the catalog is searched (File ▸ Retrieval backend… changes it)"));
        backend.setMaxWidth(300);
        Label store = new Label();
        store.setId("store");
        store.textProperty().bind(vm.storeProperty());
        Tooltip storeTip = new Tooltip();
        storeTip.textProperty().bind(vm.storeTipProperty());
        storeTip.setWrapText(true);
        storeTip.setMaxWidth(520);
        store.setTooltip(storeTip);
        store.setMaxWidth(320);
        // Offline is a warning that must be read whole: the data folder and the message give way to it.
        vm.storeOfflineProperty().addListener((obs, was, offline) -> {
            if (offline) {
                store.getStyleClass().add(OFFLINE);
                store.setMinWidth(Region.USE_PREF_SIZE);
            } else {
                store.getStyleClass().remove(OFFLINE);
                store.setMinWidth(Region.USE_COMPUTED_SIZE);
            }
        });
        Label data = new Label(vm.dataFolder());
        data.setTooltip(new Tooltip(vm.dataFolder()));
        data.setMaxWidth(220);
        Label events = new Label();
        events.setId("events");
        events.textProperty().bind(vm.eventsProperty());
        ComboBox<String> policy = new ComboBox<>(vm.policies());
        policy.setId("policy");
        policy.setTooltip(new Tooltip("selection policy (switching keeps what each policy learned)"));
        policy.valueProperty().bindBidirectional(vm.policyProperty());
        ComboBox<String> ranker = new ComboBox<>(vm.rankers());
        ranker.setId("ranker");
        ranker.setTooltip(new Tooltip("ranker of the shown list (train learned ones with ./ltrr ranker train)"));
        ranker.valueProperty().bindBidirectional(vm.rankerProperty());
        Label model = new Label();
        model.setId("ranker-model");
        model.textProperty().bind(vm.rankerModelProperty());
        CheckBox ratingsTrain = new CheckBox("ratings train");
        ratingsTrain.setId("ratings-train");
        ratingsTrain.setTooltip(new Tooltip("whether annotators' ratings train the live policy (off: they are logged "
                + "and used for evaluation and rankers only); clicks always do"));
        ratingsTrain.selectedProperty().bindBidirectional(vm.ratingsTrainProperty());
        getRightItems().add(new EmbeddingIndicator(vm.embedding()));
        getRightItems().addAll(catalog, new Separator(Orientation.VERTICAL), backend,
                new Separator(Orientation.VERTICAL), store, new Separator(Orientation.VERTICAL), data, new Separator(Orientation.VERTICAL), events,
                new Separator(Orientation.VERTICAL), whole(new Label("policy")), policy, whole(ratingsTrain),
                new Separator(Orientation.VERTICAL), whole(new Label("ranker")), ranker, model);
    }

    /** A control that never shrinks to "pol…": the data folder and the message give way instead. */
    private static <T extends Control> T whole(T control) {
        control.setMinWidth(Region.USE_PREF_SIZE);
        return control;
    }
}
