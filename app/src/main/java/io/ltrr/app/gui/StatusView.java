package io.ltrr.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
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
    /** Room between items (the bar's own spacing and a margin). */
    private static final double GAP = 6;
    /** The items that step aside when the bar is narrow, the first first. */
    private final List<Node> secondary = new ArrayList<>();
    private final Label store;
    private final ReadOnlyBooleanProperty offline;

    public StatusView(StatusViewModel vm) {
        setId("status");
        textProperty().bind(vm.messageProperty());
        Label catalog = new Label();
        catalog.textProperty().bind(vm.catalogProperty());
        Label backend = new Label();
        backend.setId("backend");
        backend.textProperty().bind(vm.backendProperty());
        backend.setTooltip(new Tooltip("where the catalog is searched (File ▸ Retrieval backend… changes it)"));
        Label store = new Label();
        store.setId("store");
        store.textProperty().bind(vm.storeProperty());
        Tooltip storeTip = new Tooltip();
        storeTip.textProperty().bind(vm.storeTipProperty());
        storeTip.setWrapText(true);
        storeTip.setMaxWidth(520);
        store.setTooltip(storeTip);
        // Offline is a warning that must be read whole: the secondary items give way to it (see fit()).
        vm.storeOfflineProperty().addListener((obs, was, offline) -> {
            if (offline) {
                store.getStyleClass().add(OFFLINE);
            } else {
                store.getStyleClass().remove(OFFLINE);
            }
        });
        Label data = new Label(vm.dataFolder());
        data.setTooltip(new Tooltip(vm.dataFolder()));
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
        // Nothing is cut to "…": every item keeps its whole text, and when the bar is too narrow for all of them
        // (demo mode's larger type), the secondary ones step aside, the first first; the offline warning never.
        for (Node item : getRightItems()) {
            if (item instanceof Control c) {
                whole(c);
            }
        }
        secondary.addAll(List.of(data, backend, catalog, model, store, events, ratingsTrain));
        // then the switches, each with its label (the policy last): a projector demo needs the message more
        secondary.addAll(getRightItems().stream().filter(n -> n == ranker || isLabel(n, "ranker")).toList());
        secondary.addAll(getRightItems().stream().filter(n -> n == policy || isLabel(n, "policy")).toList());
        vm.storeOfflineProperty().addListener((obs, was, offline) -> requestLayout());
        this.store = store;
        this.offline = vm.storeOfflineProperty();
    }

    /** Never wider than the window: the items that do not fit step aside instead (see {@link #fit()}). */
    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        fit();
        super.layoutChildren();
    }

    /**
     * Shows the secondary items that fit beside the message and the others, hiding the rest (with the separator
     * before each): the decision depends only on the widths, so the next layout pass keeps it.
     */
    private void fit() {
        // the window's width, not the bar's own: a bar laid out wider than the window would never give way
        double width = getScene() == null ? getWidth() : Math.min(getWidth(), getScene().getWidth());
        double room = width - snappedLeftInset() - snappedRightInset() - GAP;
        Node message = lookup(".status-label");
        if (message instanceof Label m && !m.isWrapText()) {
            m.setWrapText(true); // in demo mode the bar has two lines' room (workbench.css)
        }
        // the message wraps (demo mode) or gives way beyond half the bar, so the items do not all go for it
        double need = message == null ? 0 : Math.min(message.prefWidth(-1), room / 2);
        for (Node item : getRightItems()) {
            if (showsItself(item) && !item.isVisible()) {
                continue; // an item that shows itself only at times (the embedding's progress) takes no room now
            }
            need += item.prefWidth(-1) + GAP;
        }
        List<Node> hidden = new ArrayList<>();
        for (Node item : secondary) {
            if (need <= room) {
                break;
            }
            if (item == store && offline.get()) {
                continue;
            }
            hidden.add(item);
            need -= item.prefWidth(-1) + GAP + separatorWidth(item);
        }
        List<Node> items = getRightItems();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            boolean show = !hidden.contains(item);
            setShown(item, show);
            if (i > 0 && items.get(i - 1) instanceof Separator sep) {
                setShown(sep, show || !secondary.contains(item));
            }
        }
    }

    private static boolean isLabel(Node node, String text) {
        return node instanceof Label l && text.equals(l.getText());
    }

    private double separatorWidth(Node item) {
        int i = getRightItems().indexOf(item);
        return i > 0 && getRightItems().get(i - 1) instanceof Separator sep ? sep.prefWidth(-1) + GAP : 0;
    }

    /** An item whose visibility is bound to its own state (the embedding's progress): fit() never sets it. */
    private static boolean showsItself(Node node) {
        return node.visibleProperty().isBound();
    }

    private static void setShown(Node node, boolean shown) {
        if (showsItself(node)) {
            return;
        }
        if (node.isVisible() != shown) {
            node.setVisible(shown);
            node.setManaged(shown);
        }
    }

    /** A control that never shrinks to "pol…": the data folder and the message give way instead. */
    private static <T extends Control> T whole(T control) {
        control.setMinWidth(Region.USE_PREF_SIZE);
        return control;
    }
}
