package io.ltrr.app.gui;

import io.ltrr.engine.context.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The main window's content: query bar on top, then tabs (search with results, selection and explain panes;
 * feedback log; live charts), status bar at the bottom. On first start it shows the indexing view instead
 * of the tabs until the catalog index is built.
 */
public final class MainView extends BorderPane {
    /** Below this height (pixels), demo mode shows the selection and explanation panes as tabs. */
    static final double STACKED_HEIGHT = 1000;
    private MenuBar analysisBar;
    private final AnalysisWindows analysis;
    private final MainViewModel vm;
    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final QueryBar queryBar;
    private final ResultsView results;
    private final SplitPane outer;
    private final SplitPane side;
    private final SelectionView selection;
    private final ExplainView explain;
    /** The selection and explanation panes as tabs, instead of stacked, in demo mode in a short window. */
    private final TabPane sideTabs = new TabPane();
    private double sideDivider = 0.4;
    private final ChartsView charts = new ChartsView();
    private final TabPane tabs;
    private final StatusView status;
    private final List<Runnable> storeSwitched = new ArrayList<>();
    private StoreWatch storeWatch;
    /** The background embedding's own worker (ADR 0013), so searches on {@link #runner} go on meanwhile. */
    private FxBackgroundRunner embeddingWorker;

    public MainView(MainViewModel vm, WorkbenchService service, BackgroundRunner runner) {
        this.vm = vm;
        this.service = service;
        this.runner = runner;
        getStyleClass().add("workbench");
        queryBar = new QueryBar(vm);
        results = new ResultsView(vm);
        results.setOnEscape(() -> queryBar.focusQuery());
        selection = new SelectionView(vm.selection());
        explain = new ExplainView(vm);
        side = new SplitPane(selection, explain);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(sideDivider);
        sideTabs.setId("side-tabs");
        sideTabs.getTabs().setAll(new Tab("Selection"), new Tab("Explain"));
        sideTabs.getTabs().forEach(t -> t.setClosable(false));
        Label rewrite = new Label();
        rewrite.setId("rewrite-notice");
        rewrite.getStyleClass().add("rewrite-notice");
        rewrite.setWrapText(true);
        rewrite.textProperty().bind(vm.rewriteProperty());
        rewrite.visibleProperty().bind(vm.rewriteProperty().isNotEmpty());
        rewrite.managedProperty().bind(rewrite.visibleProperty());
        BorderPane resultsPane = new BorderPane(results);
        resultsPane.setTop(rewrite);
        outer = new SplitPane(resultsPane, side);
        outer.setDividerPositions(0.55);
        ReadOnlyDoubleProperty scale = Theme.typeScale(this);
        InvalidationListener arrange = obs -> arrangeSide(scale.get() > 1 && getHeight() > 0
                && getHeight() < STACKED_HEIGHT);
        scale.addListener(arrange);
        heightProperty().addListener(arrange);
        Tab search = new Tab("Search", outer);
        Tab log = new Tab("Feedback log", new LogView(vm.log()));
        Tab chart = new Tab("Charts", charts);
        for (Tab t : List.of(search, log, chart)) {
            t.setClosable(false);
        }
        tabs = new TabPane(search, log, chart);
        tabs.setId("tabs");
        // Demo mode: the query bar only on the Search tab, so the simulation and the charts get its height.
        queryBar.visibleProperty().bind(scale.lessThanOrEqualTo(1.0)
                .or(tabs.getSelectionModel().selectedItemProperty().isEqualTo(search)));
        queryBar.managedProperty().bind(queryBar.visibleProperty());
        vm.metrics().dataProperty().addListener((obs, o, d) -> charts.show(d));
        // a search made while another tab (a running simulation) is shown is brought into view, never hidden
        vm.resultProperty().addListener((obs, o, r) -> tabs.getSelectionModel().select(search));
        analysis = new AnalysisWindows(service, () -> getScene() == null ? null : getScene().getWindow());
        analysisBar = analysis.menuBar();
        setTop(new VBox(analysisBar, queryBar));
        status = new StatusView(vm.status());
        setBottom(status);
    }

    /**
     * Demo mode's larger type does not fit the selection and the explanation stacked in a short window (the
     * selection alone needs most of 720 pixels): they become two tabs side by side, each with the whole height.
     */
    private void arrangeSide(boolean tabbed) {
        boolean now = outer.getItems().contains(sideTabs);
        if (tabbed == now) {
            return;
        }
        double[] dividers = outer.getDividerPositions();
        if (tabbed) {
            sideDivider = side.getDividerPositions()[0];
            side.getItems().clear();
            sideTabs.getTabs().get(0).setContent(scrolling(selection));
            sideTabs.getTabs().get(1).setContent(scrolling(explain));
            outer.getItems().set(1, sideTabs);
        } else {
            sideTabs.getTabs().forEach(t -> ((ScrollPane) t.getContent()).setContent(null));
            sideTabs.getTabs().forEach(t -> t.setContent(null));
            side.getItems().setAll(selection, explain);
            side.setDividerPositions(sideDivider);
            outer.getItems().set(1, side);
        }
        outer.setDividerPositions(dividers);
    }

    /** A pane that scrolls when the window is shorter than its content needs, never pushing past the window. */
    private static ScrollPane scrolling(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    /** Whether the selection and explanation panes are tabs (demo mode in a short window). */
    boolean sideTabbed() {
        return outer.getItems().contains(sideTabs);
    }

    /** Adds a tab (the simulation panel) after the built-in ones. */
    public void addTab(Tab tab) {
        tab.setClosable(false);
        tabs.getTabs().add(tab);
    }

    /** Puts the menu bar above the query bar, with the Analysis menu moved into it (one menu bar). */
    public void setMenuBar(MenuBar bar) {
        List<Menu> analysis = List.copyOf(analysisBar.getMenus());
        analysisBar.getMenus().clear();
        bar.getMenus().addAll(analysis);
        analysisBar = bar;
        setTop(new VBox(bar, queryBar));
    }

    /** The Analysis menu's windows. */
    public AnalysisWindows analysis() {
        return analysis;
    }

    /**
     * Makes {@code window} (this view's window) the owner of the workbench's life: when it closes, every analysis
     * window closes, then {@code release} runs (closing the workbench, which releases the data folder).
     */
    public void closeWith(Stage window, Runnable release) {
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            if (storeWatch != null) {
                storeWatch.close();
            }
            vm.status().embedding().cancel(); // what was embedded is kept; the next start resumes
            analysis.closeAll();
            release.run();
        });
    }

    public ChartsView charts() {
        return charts;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Shows the workbench, first building the index when there is none; {@code ready} runs once usable. */
    public void open(Runnable ready) {
        setCenter(new Label("opening " + service.dataDir() + "…"));
        runner.run("open", service::hasIndex, has -> {
            if (has) {
                showWorkbench(ready);
            } else {
                buildIndex(ready);
            }
        }, e -> setCenter(new Label("cannot open the data folder: " + e.getMessage())));
    }

    private void buildIndex(Runnable ready) {
        IndexingViewModel indexing = new IndexingViewModel(service, runner, System::nanoTime);
        setCenter(new IndexingView(indexing, service.dataDir().toString()));
        vm.status().messageProperty().set("indexing the catalog…");
        indexing.start(report -> {
            vm.status().messageProperty().set(String.format(Locale.ROOT, "indexed %,d items in %.1f s: search away "
                    + "(the vectors of the dense arm are embedded in the background)",
                    report.loaded(), report.buildMillis() / 1000.0));
            showWorkbench(ready);
        }, e -> {
            boolean cancelled = e instanceof CancellationException;
            setCenter(new Label(cancelled ? "Indexing cancelled. Restart the workbench to index the catalog."
                    : "Indexing failed: " + e.getMessage()));
            vm.status().messageProperty().set(cancelled ? "indexing cancelled" : "indexing failed");
        });
    }

    private void showWorkbench(Runnable ready) {
        setCenter(tabs);
        vm.start();
        if (storeWatch == null) {
            storeWatch = new StoreWatch(vm.status(), status);
            storeWatch.start();
        }
        queryBar.focusQuery();
        ready.run();
        embedInBackground(); // after what ready queued (a demo query): that search goes first
    }

    /**
     * File ▸ Retrieval backend…: a dialog filled from where the catalog is searched now; OK builds the catalog in
     * the chosen backend (progress and Cancel in the dialog) and switches to it, the status bar then shows it.
     */
    public BackendDialog openBackendDialog() {
        BackendViewModel backend = new BackendViewModel(service, runner, vm.status(), System::nanoTime);
        BackendDialog dialog = new BackendDialog(backend, getScene() == null ? null : getScene().getWindow(),
                service.dataDir().toString());
        backend.load();
        dialog.show();
        return dialog;
    }

    /**
     * File ▸ Feedback store…: a dialog filled from where feedback is saved now; OK reopens the workbench on the
     * chosen store (this window's round, which was logged in the previous store, goes; the analysis windows close and
     * the query-set windows read the new store), the status bar then shows it.
     */
    public StoreDialog openStoreDialog() {
        StoreViewModel store = new StoreViewModel(service, runner, vm.status(), this::storeSwitched);
        StoreDialog dialog = new StoreDialog(store, getScene() == null ? null : getScene().getWindow(),
                service.dataDir().toString());
        store.load();
        dialog.show();
        return dialog;
    }

    /** Runs {@code action} after each switch of the feedback store (the query-set windows read the new one). */
    public void onStoreSwitched(Runnable action) {
        storeSwitched.add(action);
    }

    /**
     * Embeds what is missing of the catalog's vectors on a worker of its own (after the first start's lexical index,
     * or resuming an earlier run); the status bar shows how far it is.
     */
    private void embedInBackground() {
        if (embeddingWorker == null) {
            embeddingWorker = new FxBackgroundRunner(1);
        }
        // Queued behind the window's first calls on its one worker (the status, a demo query), so the live services
        // open and such a search answers before the embedding takes the cores (issue 22).
        runner.run("before embeddings", service::catalogSize, n -> vm.status().embedding().start(embeddingWorker),
                e -> vm.status().embedding().start(embeddingWorker));
    }

    private void storeSwitched() {
        embedInBackground(); // the switch closed the workbench the embedding ran on
        vm.storeSwitched();
        analysis.closeAll();
        storeSwitched.forEach(Runnable::run);
    }

    /** Ctrl+L (Cmd+L) focuses the query bar (Esc in the results too). */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                queryBar::focusQuery);
    }

    public void focusQuery() {
        queryBar.focusQuery();
    }

    public ResultsView results() {
        return results;
    }

    /** Restores dividers and the context controls. */
    public void apply(GuiSettings s) {
        if (s.dividers().size() >= 3) {
            outer.setDividerPositions(s.dividers().get(0));
            sideDivider = s.dividers().get(1);
            side.setDividerPositions(sideDivider);
            selection.split().setDividerPositions(s.dividers().get(2));
        }
        ContextViewModel c = vm.context();
        c.userProperty().set(s.user());
        c.profileProperty().set(s.profile());
        c.deviceProperty().set(device(s.device()));
        c.timeNowProperty().set(s.timeNow());
        c.hourProperty().set(s.hour());
        c.annotatorProperty().set(s.annotator());
        vm.gradeScaleProperty().set(s.gradeScale());
    }

    /** The current dividers and context controls, with the given window bounds. */
    public GuiSettings capture(double x, double y, double width, double height, boolean maximized) {
        ContextViewModel c = vm.context();
        List<Double> dividers = List.of(outer.getDividerPositions()[0],
                sideTabbed() ? sideDivider : side.getDividerPositions()[0],
                selection.split().getDividerPositions()[0]);
        return new GuiSettings(x, y, width, height, maximized, dividers, c.userProperty().get(),
                c.profileProperty().get(), c.deviceProperty().get().key(), c.timeNowProperty().get(),
                c.hourProperty().get(), c.annotatorProperty().get(), vm.gradeScaleProperty().get().labels());
    }

    private static Device device(String key) {
        try {
            return Device.fromKey(key);
        } catch (IllegalArgumentException e) {
            return Device.SCREEN;
        }
    }
}
