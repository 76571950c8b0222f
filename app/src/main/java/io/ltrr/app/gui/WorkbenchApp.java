package io.ltrr.app.gui;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.trace.StartupTrace;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The JavaFX application: opens the workbench on a data folder, remembers the window, closes cleanly. */
public final class WorkbenchApp extends Application {
    /** {@code --demo-window backend}: the retrieval backend dialog (for the README's picture). */
    static final String BACKEND_DEMO = "backend";
    /** {@code --demo-window store}: the feedback store dialog (for the README's picture). */
    static final String STORE_DEMO = "store";
    /** {@code --demo-window charts}: the Charts tab after a few searches with clicks (for the README's picture). */
    static final String CHARTS_DEMO = "charts";
    /** The searches of the Charts demo; the first results of each are clicked. */
    private static final List<String> CHARTS_QUERIES = List.of("love song", "ambient", "jazz piano", "rain",
            "summer", "night drive", "blue", "dance", "acoustic guitar", "morning");

    /** JavaFX creates the application itself, so its options travel through here (set once, before launch). */
    private static volatile GuiOptions options;

    private WorkbenchService service;
    private FxBackgroundRunner runner;
    private SimulationSources simulationSources;
    private ExecutorService simulationWorker;
    private SimulationViewModel simulation;
    private WorkbenchMenus menus;
    private QueryWindows queryWindows;
    private MainView view;
    private Stage stage;
    private boolean released;

    /** Opens the window and blocks until it is closed. */
    public static void launch(GuiOptions opts) {
        options = Objects.requireNonNull(opts);
        Application.launch(WorkbenchApp.class);
    }

    @Override
    public void start(Stage primary) {
        GuiOptions opts = options;
        this.stage = primary;
        WorkbenchConfig config = WorkbenchConfig.defaults(opts.dataDir());
        if (opts.noEmbeddings()) {
            config = config.withIndexSettings(IndexSettings.music().withEmbeddings(false));
        }
        service = new EngineWorkbenchService(Workbench.open(config));
        runner = new FxBackgroundRunner(1);
        MainViewModel vm = new MainViewModel(service, runner, Clock.systemDefaultZone());
        view = new MainView(vm, service, runner);
        GuiSettings settings = GuiSettings.load(opts.dataDir());
        view.apply(settings);
        boolean sized = opts.windowWidth() > 0;
        Scene scene = new Scene(view, sized ? opts.windowWidth() : settings.width() > 0 ? settings.width() : 1480,
                sized ? opts.windowHeight() : settings.height() > 0 ? settings.height() : 900);
        Theme.apply(scene, false);
        view.installShortcuts(scene);
        simulationSources = new SimulationSources(opts.dataDir(), config.armSettings());
        simulationWorker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ltrr-simulation");
            t.setDaemon(true);
            return t;
        });
        simulation = new SimulationViewModel(simulationSources, simulationWorker, runner, System::nanoTime);
        menus = WorkbenchMenus.install(scene, view, simulation);
        menus.demoModeProperty().set(opts.demo());
        service.querySetSource().ifPresent(src -> {
            queryWindows = new QueryWindows(src, view, QueryWindows.opener(vm, view), opts.dataDir().toString());
            menus.addQueryWindows(queryWindows);
            view.onStoreSwitched(queryWindows::refresh);
        });
        primary.setTitle("LTR&R Workbench — " + opts.dataDir());
        if (sized) {
            primary.setX(0);
            primary.setY(0);
        } else if (settings.width() > 0) {
            primary.setX(settings.x());
            primary.setY(settings.y());
        }
        primary.setMaximized(!sized && settings.maximized());
        primary.setScene(scene);
        primary.setOnCloseRequest(e -> saveSettings());
        // Closing the main window ends the app: the analysis windows close with it and the data folder is released
        // at once (an open analysis window no longer keeps the process, and the folder's lock, alive).
        view.closeWith(primary, () -> {
            release();
            Platform.exit();
        });
        primary.show();
        StartupTrace.mark("gui: window shown");
        view.open(() -> afterReady(opts, vm));
    }

    private void afterReady(GuiOptions opts, MainViewModel vm) {
        if (BACKEND_DEMO.equals(opts.demoWindow())) {
            BackendDialog dialog = view.openBackendDialog();
            demoDialog(opts, dialog, () -> dialog.fillExample("http://localhost:9200"));
            return;
        }
        if (STORE_DEMO.equals(opts.demoWindow())) {
            StoreDialog dialog = view.openStoreDialog();
            demoDialog(opts, dialog, () -> dialog.fillExample("postgresql://db.example.org:5432/ltrr", "ltrr"));
            return;
        }
        if (CHARTS_DEMO.equals(opts.demoWindow())) {
            chartsDemo(opts, vm, 0);
            return;
        }
        if (opts.demoWindow() != null && queryWindows != null) {
            queryWindows.demo(opts.demoWindow(), opts.demoQuery(), opts.screenshot(), opts.screenshotDelaySeconds());
            return;
        }
        boolean query = opts.demoQuery() != null && !opts.demoQuery().isBlank();
        if (query && StartupTrace.enabled()) {
            // bench/first-search.sh: the time from the window to the first answered search (issue 22).
            vm.resultProperty().addListener((obs, o, r) -> StartupTrace.mark("gui: search answered"));
        }
        if (opts.demoSimulation() != null && !opts.demoSimulation().isBlank()) {
            view.tabs().getSelectionModel().select(menus.simulationTab());
            simulation.playDemo(opts.demoSimulation());
            if (opts.screenshot() != null) {
                screenshotAfter(opts, opts.screenshotDelaySeconds());
            }
            return;
        }
        if (opts.screenshot() != null) {
            if (query) {
                vm.resultProperty().addListener((obs, o, r) -> screenshotSoon(opts, vm));
            } else {
                screenshotSoon(opts, vm);
            }
        }
        if (query) {
            vm.queryProperty().set(opts.demoQuery());
            vm.search();
        }
    }

    /**
     * For the README: a settings dialog (File ▸ Retrieval backend…, File ▸ Feedback store…) with an example typed by
     * {@code fill} (not applied); with {@code --screenshot}, a picture of the dialog, then exit.
     */
    private void demoDialog(GuiOptions opts, Dialog<?> dialog, Runnable fill) {
        PauseTransition wait = new PauseTransition(Duration.seconds(1));
        wait.setOnFinished(e -> {
            fill.run();
            if (opts.screenshot() != null) {
                PauseTransition settle = new PauseTransition(Duration.seconds(1));
                settle.setOnFinished(f -> {
                    Screenshots.write(dialog.getDialogPane().getScene(), opts.screenshot());
                    dialog.getDialogPane().getScene().getWindow().hide();
                    stage.hide();
                    Platform.exit();
                });
                settle.play();
            }
        });
        wait.play();
    }

    /**
     * For the README: runs the demo searches one after the other, clicking one of the first three results of each (the live
     * charts' feedback), then shows the Charts tab; with {@code --screenshot}, a picture of it, then exit.
     */
    private void chartsDemo(GuiOptions opts, MainViewModel vm, int next) {
        if (next == CHARTS_QUERIES.size()) {
            view.tabs().getTabs().stream().filter(t -> t.getContent() == view.charts()).findFirst()
                    .ifPresent(t -> view.tabs().getSelectionModel().select(t));
            if (opts.screenshot() != null) {
                screenshotAfter(opts, 3);
            }
            return;
        }
        ChangeListener<Object> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<?> obs, Object o, Object r) {
                vm.resultProperty().removeListener(this);
                PauseTransition shown = new PauseTransition(Duration.seconds(0.5)); // the rows of this search
                shown.setOnFinished(e -> {
                    if (!vm.rows().isEmpty()) {
                        vm.click(vm.rows().get(next % Math.min(3, vm.rows().size())));
                    }
                    PauseTransition saved = new PauseTransition(Duration.seconds(1));
                    saved.setOnFinished(f -> chartsDemo(opts, vm, next + 1));
                    saved.play();
                });
                shown.play();
            }
        };
        vm.resultProperty().addListener(once);
        vm.queryProperty().set(CHARTS_QUERIES.get(next));
        vm.search();
    }

    /** Waits for the first result's explanations (the table selects it), then writes the picture and exits. */
    private void screenshotSoon(GuiOptions opts, MainViewModel vm) {
        view.results().requestFocus();
        screenshotAfter(opts, 6);
    }

    private void screenshotAfter(GuiOptions opts, double seconds) {
        PauseTransition wait = new PauseTransition(Duration.seconds(seconds));
        wait.setOnFinished(e -> {
            Screenshots.write(stage.getScene(), opts.screenshot());
            stage.hide();
            Platform.exit();
        });
        wait.play();
    }

    private void saveSettings() {
        try {
            view.capture(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())
                    .save(options.dataDir());
        } catch (IOException e) {
            System.err.println("ltrr: could not save window settings: " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        release();
    }

    /** Stops the workers and closes the workbench (releasing the data folder); a second call does nothing. */
    private synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        if (simulation != null) {
            simulation.reset(); // cancels a running play between rounds (an interrupt could break Lucene reads)
        }
        if (simulationWorker != null) {
            simulationWorker.shutdown();
            try {
                simulationWorker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (simulationSources != null) {
            simulationSources.close();
        }
        if (runner != null) {
            runner.close();
        }
        if (queryWindows != null) {
            queryWindows.close();
        }
        if (service != null) {
            service.close();
        }
    }
}
