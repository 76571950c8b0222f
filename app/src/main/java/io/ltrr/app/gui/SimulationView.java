package io.ltrr.app.gui;

import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.ToggleSwitch;

/**
 * The simulation panel: scenario, policy, arms per round, rounds and seed; play/pause, step, reset and the demo;
 * the speed (log slider from 1 to 10,000 rounds/s, or as fast as possible); progress; the live charts of the run
 * and, in the demo, a caption of what is happening.
 */
public final class SimulationView extends BorderPane {
    /** The slider runs over log10(rounds/s). */
    private static final double MIN_LOG_SPEED = 0;
    private static final double MAX_LOG_SPEED = 4;
    /** The share of the width the cards' column takes in demo mode. */
    private static final double CARDS_SHARE = 0.36;
    /** Below this window height (pixels), demo mode shows two charts instead of five. */
    static final double COMPACT_HEIGHT = 900;

    private final ChartsView charts = new ChartsView("sim-charts",
            "Arm share of selections (last " + SimulationViewModel.WINDOW + " rounds)");

    private final SimulationViewModel vm;

    public SimulationView(SimulationViewModel vm) {
        this.vm = vm;
        setId("simulation");
        getStyleClass().add("panel");
        SimulationSettings settings = vm.settings();
        SimulationChartModel chart = vm.charts();
        BooleanBinding configurable = Bindings.createBooleanBinding(() -> {
            SimulationViewModel.State s = vm.stateProperty().get();
            return s == SimulationViewModel.State.IDLE || s == SimulationViewModel.State.FAILED;
        }, vm.stateProperty());

        ComboBox<String> scenario = new ComboBox<>(settings.scenarios());
        scenario.setId("sim-scenario");
        scenario.valueProperty().bindBidirectional(settings.scenarioProperty());
        scenario.disableProperty().bind(configurable.not());
        scenario.setTooltip(new Tooltip("the simulated world: who searches, what they want, how they click "
                + "(locked while a run is in progress: reset to change it)"));
        Button open = new Button("Open file…");
        open.setId("sim-open");
        open.disableProperty().bind(configurable.not());
        open.setTooltip(new Tooltip("play a scenario from a JSON file"));
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a scenario file");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                settings.addScenarioFile(f.getAbsolutePath());
            }
        });
        ComboBox<String> policy = new ComboBox<>(settings.policies());
        policy.setId("sim-policy");
        policy.setEditable(true);
        policy.setTooltip(new Tooltip("the bandit that picks the arms: a policy id, or fixed:ARM to "
                + "always play one arm"));
        policy.valueProperty().bindBidirectional(settings.policyProperty());
        policy.disableProperty().bind(configurable.not());
        Spinner<Integer> maxArms = intSpinner(0, 8, settings.maxArmsProperty().get(), 1);
        maxArms.setId("sim-max-arms");
        maxArms.setTooltip(new Tooltip("Max arms: arms chosen per round at most; 0 = the scenario's default"));
        maxArms.valueProperty().addListener((obs, o, n) -> settings.maxArmsProperty().set(n));
        maxArms.disableProperty().bind(configurable.not());
        Spinner<Integer> rounds = intSpinner(10, 1_000_000, (int) settings.limitProperty().get(), 1000);
        rounds.setId("sim-limit");
        rounds.setTooltip(new Tooltip("Rounds: the run stops after this many rounds (simulated searches)"));
        rounds.valueProperty().addListener((obs, o, n) -> settings.limitProperty().set(n));
        settings.limitProperty().addListener((obs, o, n) -> rounds.getValueFactory().setValue(n.intValue()));
        Spinner<Integer> seed = intSpinner(0, Integer.MAX_VALUE, (int) settings.seedProperty().get(), 1);
        seed.setId("sim-seed");
        seed.setTooltip(new Tooltip("Seed: the same seed replays the same users, queries and clicks"));
        seed.valueProperty().addListener((obs, o, n) -> settings.seedProperty().set(n));
        seed.disableProperty().bind(configurable.not());
        FlowPane setup = row(new Label("Scenario"), scenario, open, new Label("Policy"), policy,
                new Label("Max arms"), maxArms, new Label("Rounds"), rounds, new Label("Seed"), seed);

        Button play = new Button();
        play.setId("sim-start");
        play.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.stateProperty().get()) {
            case RUNNING -> "❚❚ Pause";
            case PAUSED -> "▶ Resume";
            default -> "▶ Start";
        }, vm.stateProperty()));
        play.setTooltip(new Tooltip("start, pause or resume the run (F6)"));
        play.disableProperty().bind(vm.stateProperty().isEqualTo(SimulationViewModel.State.PREPARING));
        play.setOnAction(e -> vm.togglePlay());
        play.setDefaultButton(false);
        Button step = new Button("Step");
        step.setId("sim-step");
        step.setTooltip(new Tooltip("play one round and show it below: query, context, arms, shown list, "
                + "clicks and rewards"));
        step.disableProperty().bind(vm.stateProperty().isEqualTo(SimulationViewModel.State.RUNNING)
                .or(vm.stateProperty().isEqualTo(SimulationViewModel.State.PREPARING)));
        step.setOnAction(e -> vm.step());
        Button reset = new Button("Reset");
        reset.setId("sim-reset");
        reset.setTooltip(new Tooltip("clear the charts and the policy (F5)"));
        reset.setOnAction(e -> resetAsking());
        Button demo = new Button("▶ Demo");
        demo.setId("sim-demo");
        demo.setTooltip(new Tooltip("scripted demo: " + DemoScript.SCENARIO + " at a watchable speed, with captions"));
        demo.setOnAction(e -> vm.playDemo());

        Slider speed = new Slider(MIN_LOG_SPEED, MAX_LOG_SPEED, Math.log10(settings.speedProperty().get()));
        speed.setId("sim-speed");
        speed.setTooltip(new Tooltip("Speed: rounds per second the run aims at (1 to 10,000, log scale)"));
        speed.setPrefWidth(180);
        speed.setMajorTickUnit(1);
        speed.setShowTickMarks(true);
        speed.valueProperty().addListener((obs, o, n) -> {
            double rps = Math.round(Math.pow(10, n.doubleValue()));
            if (Math.abs(rps - settings.speedProperty().get()) >= 0.5) {
                settings.speedProperty().set(rps);
            }
        });
        settings.speedProperty().addListener((obs, o, n) -> speed.setValue(Math.log10(Math.max(1, n.doubleValue()))));
        speed.disableProperty().bind(settings.fastestProperty());
        Label speedLabel = new Label();
        speedLabel.setMinWidth(110);
        speedLabel.setTooltip(new Tooltip("the speed asked for"));
        Label measured = new Label();
        measured.setId("sim-measured");
        measured.setMinWidth(170);
        measured.textProperty().bind(vm.measuredProperty());
        measured.setTooltip(new Tooltip("rounds per second really played over the last second"));
        speedLabel.textProperty().bind(Bindings.createStringBinding(() -> settings.fastestProperty().get()
                ? "as fast as possible" : String.format(Locale.ROOT, "%,.0f rounds/s", settings.speedProperty().get()),
                settings.speedProperty(), settings.fastestProperty()));
        ToggleSwitch fastest = new ToggleSwitch("as fast as possible");
        fastest.setId("sim-fastest");
        fastest.selectedProperty().bindBidirectional(settings.fastestProperty());
        fastest.setTooltip(new Tooltip("no pacing: play rounds as fast as the machine can"));
        ProgressBar progress = new ProgressBar();
        progress.setId("sim-progress");
        progress.setPrefWidth(200);
        progress.progressProperty().bind(chart.progressProperty());
        progress.setTooltip(new Tooltip("rounds played of the Rounds set"));
        Label roundsText = new Label();
        roundsText.setId("sim-rounds");
        roundsText.textProperty().bind(chart.roundsTextProperty());
        FlowPane controls = row(play, step, reset, demo, new Label("Speed"), speed, speedLabel, measured, fastest,
                progress, roundsText);

        Label caption = new Label();
        caption.setId("sim-caption");
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        caption.textProperty().bind(vm.captionProperty());
        caption.visibleProperty().bind(vm.captionProperty().isNotEmpty());
        caption.managedProperty().bind(caption.visibleProperty());
        Label message = new Label();
        message.setId("sim-message");
        message.getStyleClass().add("hint");
        message.textProperty().bind(vm.messageProperty());

        Label details = new Label();
        details.setId("sim-step-details");
        details.getStyleClass().add("card");
        details.setWrapText(true);
        details.setStyle("-fx-font-family: monospace; -fx-padding: 6; -fx-border-color: #bbbbbb;");
        details.textProperty().bind(vm.stepDetailsProperty());
        details.visibleProperty().bind(vm.stepDetailsProperty().isNotEmpty());
        details.managedProperty().bind(details.visibleProperty());
        Label summary = new Label();
        summary.setId("sim-summary");
        summary.getStyleClass().add("card");
        summary.setWrapText(true);
        summary.setStyle("-fx-font-size: 1.15em; -fx-padding: 10; -fx-background-color: #fffbe6; "
                + "-fx-border-color: #e0c060;");
        summary.textProperty().bind(vm.summaryProperty());
        summary.visibleProperty().bind(vm.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());

        Label warning = new Label();
        warning.setId("sim-context-warning");
        warning.getStyleClass().add("warning");
        warning.setWrapText(true);
        warning.setStyle("-fx-text-fill: #8a4b00;");
        warning.textProperty().bind(vm.contextWarningProperty().map(w -> w.isEmpty() ? "" : "⚠ " + w));
        warning.visibleProperty().bind(vm.contextWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        VBox cards = new VBox(6, summary, warning, caption, details); // the closing card first, once the demo ends
        VBox top = new VBox(6, setup, controls, cards);
        top.setPadding(new Insets(0, 0, 6, 0));
        setTop(top);
        setCenter(charts);
        cardsBesideInDemo(top, cards);
        setBottom(message);
        chart.chartDataProperty().addListener((obs, o, d) -> charts.show(d));
    }

    /**
     * Demo mode's larger type: the caption and the cards (summary, step read-out) take a column right of the charts,
     * scrolling when long, instead of the rows above them, which left the charts no height in a 720-pixel window.
     */
    private void cardsBesideInDemo(VBox top, VBox cards) {
        ScrollPane column = new ScrollPane();
        column.setId("sim-cards");
        column.setFitToWidth(true);
        column.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        column.prefWidthProperty().bind(widthProperty().multiply(CARDS_SHARE));
        column.minWidthProperty().bind(column.prefWidthProperty());
        column.setPadding(new Insets(0, 0, 0, 6));
        BooleanBinding any = Bindings.createBooleanBinding(() -> cards.getChildren().stream()
                .anyMatch(Node::isVisible), cards.getChildren().stream().map(Node::visibleProperty)
                .toArray(javafx.beans.Observable[]::new));
        column.visibleProperty().bind(any);
        column.managedProperty().bind(any);
        ReadOnlyDoubleProperty scale = Theme.typeScale(this);
        Runnable arrange = () -> {
            boolean beside = scale.get() > 1;
            charts.setCompact(beside && getScene() != null && getScene().getHeight() < COMPACT_HEIGHT);
            if (beside && column.getContent() != cards) {
                top.getChildren().remove(cards);
                column.setContent(cards);
                setRight(column);
            } else if (!beside && column.getContent() == cards) {
                column.setContent(null);
                setRight(null);
                top.getChildren().add(cards);
            }
        };
        scale.addListener((obs, o, n) -> arrange.run());
        sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                scene.heightProperty().addListener((h, was, now) -> arrange.run());
            }
            arrange.run();
        });
        arrange.run();
    }

    /** Resets, asking first when a run is in progress (the Reset button and F5). */
    public void resetAsking() {
        if (vm.runInProgress()) {
            var snap = vm.charts().snapshotProperty().get();
            String played = snap == null ? "the rounds" : String.format(Locale.ROOT, "the %,d rounds",
                    snap.roundsPlayed());
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Reset throws away " + played
                    + " played and what the policy learned. Reset?", ButtonType.OK, ButtonType.CANCEL);
            ask.setTitle("Reset the simulation");
            ask.setHeaderText("A run is in progress");
            ask.getDialogPane().setId("sim-reset-confirm");
            if (getScene() != null) {
                ask.initOwner(getScene().getWindow());
            }
            if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
        }
        vm.reset();
    }

    public ChartsView charts() {
        return charts;
    }

    private static Spinner<Integer> intSpinner(int min, int max, int value, int step) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value, step));
        s.setEditable(true);
        s.setPrefWidth(110);
        return s;
    }

    private static FlowPane row(Node... nodes) {
        FlowPane p = new FlowPane(8, 6, nodes);
        p.setAlignment(Pos.CENTER_LEFT);
        return p;
    }
}
