package io.ltrr.app.gui;

import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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

    private final ChartsView charts = new ChartsView("sim-charts",
            "Arm share of selections (last " + SimulationViewModel.WINDOW + " rounds)");

    public SimulationView(SimulationViewModel vm) {
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
        Button open = new Button("Open file…");
        open.setId("sim-open");
        open.disableProperty().bind(configurable.not());
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
        policy.setTooltip(new Tooltip("a policy id, or fixed:ARM to always play one arm"));
        policy.valueProperty().bindBidirectional(settings.policyProperty());
        policy.disableProperty().bind(configurable.not());
        Spinner<Integer> maxArms = intSpinner(0, 8, settings.maxArmsProperty().get(), 1);
        maxArms.setId("sim-max-arms");
        maxArms.setTooltip(new Tooltip("arms chosen per round at most; 0 keeps the scenario's"));
        maxArms.valueProperty().addListener((obs, o, n) -> settings.maxArmsProperty().set(n));
        maxArms.disableProperty().bind(configurable.not());
        Spinner<Integer> rounds = intSpinner(10, 1_000_000, (int) settings.limitProperty().get(), 1000);
        rounds.setId("sim-limit");
        rounds.valueProperty().addListener((obs, o, n) -> settings.limitProperty().set(n));
        settings.limitProperty().addListener((obs, o, n) -> rounds.getValueFactory().setValue(n.intValue()));
        Spinner<Integer> seed = intSpinner(0, Integer.MAX_VALUE, (int) settings.seedProperty().get(), 1);
        seed.setId("sim-seed");
        seed.valueProperty().addListener((obs, o, n) -> settings.seedProperty().set(n));
        seed.disableProperty().bind(configurable.not());
        FlowPane setup = row(new Label("Scenario"), scenario, open, new Label("Policy"), policy,
                new Label("Max arms"), maxArms, new Label("Rounds"), rounds, new Label("Seed"), seed);

        Button play = new Button();
        play.setId("sim-start");
        play.textProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(SimulationViewModel.State.RUNNING))
                .then("❚❚ Pause").otherwise("▶ Start"));
        play.disableProperty().bind(vm.stateProperty().isEqualTo(SimulationViewModel.State.PREPARING));
        play.setOnAction(e -> vm.togglePlay());
        play.setDefaultButton(false);
        Button step = new Button("Step");
        step.setId("sim-step");
        step.setTooltip(new Tooltip("play one round"));
        step.disableProperty().bind(vm.stateProperty().isEqualTo(SimulationViewModel.State.RUNNING)
                .or(vm.stateProperty().isEqualTo(SimulationViewModel.State.PREPARING)));
        step.setOnAction(e -> vm.step());
        Button reset = new Button("Reset");
        reset.setId("sim-reset");
        reset.setTooltip(new Tooltip("clear the charts and the policy (F5)"));
        reset.setOnAction(e -> vm.reset());
        Button demo = new Button("▶ Demo");
        demo.setId("sim-demo");
        demo.setTooltip(new Tooltip("scripted demo: " + DemoScript.SCENARIO + " at a watchable speed, with captions"));
        demo.setOnAction(e -> vm.playDemo());

        Slider speed = new Slider(MIN_LOG_SPEED, MAX_LOG_SPEED, Math.log10(settings.speedProperty().get()));
        speed.setId("sim-speed");
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
        speedLabel.setMinWidth(150);
        speedLabel.textProperty().bind(Bindings.createStringBinding(() -> settings.fastestProperty().get()
                ? "as fast as possible" : String.format(Locale.ROOT, "%,.0f rounds/s", settings.speedProperty().get()),
                settings.speedProperty(), settings.fastestProperty()));
        ToggleSwitch fastest = new ToggleSwitch("as fast as possible");
        fastest.setId("sim-fastest");
        fastest.selectedProperty().bindBidirectional(settings.fastestProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("sim-progress");
        progress.setPrefWidth(200);
        progress.progressProperty().bind(chart.progressProperty());
        Label roundsText = new Label();
        roundsText.setId("sim-rounds");
        roundsText.textProperty().bind(chart.roundsTextProperty());
        FlowPane controls = row(play, step, reset, demo, new Label("Speed"), speed, speedLabel, fastest, progress,
                roundsText);

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

        VBox top = new VBox(6, setup, controls, caption);
        top.setPadding(new Insets(0, 0, 6, 0));
        setTop(top);
        setCenter(charts);
        setBottom(message);
        chart.chartDataProperty().addListener((obs, o, d) -> charts.show(d));
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
