package io.ltrr.app.gui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The simulation tab and the menus of the window: File ▸ Retrieval backend… (Alt+F, R: where the catalog is
 * searched) and File ▸ Feedback store… (Alt+F, S: where feedback is saved), View ▸ Demo mode (Ctrl+D: larger type everywhere, charts included) and Simulation ▸ Start/Pause (F6),
 * Step (F7), Reset (F5, one key), Play demo (F8).
 */
public final class WorkbenchMenus {
    static final KeyCombination DEMO_MODE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination RESET = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination PLAY = new KeyCodeCombination(KeyCode.F6);
    static final KeyCombination STEP = new KeyCodeCombination(KeyCode.F7);
    static final KeyCombination DEMO = new KeyCodeCombination(KeyCode.F8);

    private final BooleanProperty demoMode = new SimpleBooleanProperty(this, "demoMode");
    private final SimulationView simulationView;
    private final Tab simulationTab;
    private final MenuBar bar;

    private WorkbenchMenus(Scene scene, MainView main, SimulationViewModel sim) {
        simulationView = new SimulationView(sim);
        simulationTab = new Tab("Simulation", simulationView);
        simulationTab.setId("simulation-tab");
        main.addTab(simulationTab);

        MenuItem backend = new MenuItem("_Retrieval backend…");
        backend.setId("menu-backend");
        backend.setOnAction(e -> main.openBackendDialog());
        MenuItem store = new MenuItem("Feedback _store…");
        store.setId("menu-store");
        store.setOnAction(e -> main.openStoreDialog());
        Menu file = new Menu("_File", null, backend, store);
        file.setId("menu-file");

        CheckMenuItem demo = new CheckMenuItem("Demo mode (larger type)");
        demo.setId("menu-demo-mode");
        demo.setAccelerator(DEMO_MODE);
        demo.selectedProperty().bindBidirectional(demoMode);
        demoMode.addListener((obs, o, on) -> {
            Theme.setDemo(scene, on);
            main.charts().setLarge(on);
            simulationView.charts().setLarge(on);
        });
        Menu view = new Menu("View", null, demo);

        MenuItem play = item("Start / pause", PLAY, sim::togglePlay);
        MenuItem step = item("Step one round", STEP, sim::step);
        MenuItem reset = item("Reset (clear charts and policy)", RESET, simulationView::resetAsking);
        MenuItem script = item("Play demo scenario", DEMO, sim::playDemo);
        for (MenuItem i : new MenuItem[] {play, step, script}) {
            i.setOnAction(wrapSelect(main, i.getOnAction()));
        }
        Menu simulation = new Menu("Simulation", null, play, step, reset, script);
        bar = new MenuBar(file, view, simulation);
        bar.setId("menu");
        main.setMenuBar(bar);
    }

    /** Adds the simulation tab and the menus to the window whose scene is {@code scene}. */
    public static WorkbenchMenus install(Scene scene, MainView main, SimulationViewModel sim) {
        return new WorkbenchMenus(scene, main, sim);
    }

    /** Demo mode: larger type (the stylesheet's {@code demo} class and larger chart fonts). */
    public BooleanProperty demoModeProperty() {
        return demoMode;
    }

    /** Adds the query-set and comparison windows to the Analysis menu (made when there is none). */
    public void addQueryWindows(QueryWindows windows) {
        Menu analysis = bar.getMenus().stream().filter(m -> "Analysis".equals(m.getText())).findFirst()
                .orElseGet(() -> {
                    Menu m = new Menu("Analysis");
                    bar.getMenus().add(m);
                    return m;
                });
        analysis.getItems().addAll(windows.menuItems());
    }

    public SimulationView simulationView() {
        return simulationView;
    }

    public Tab simulationTab() {
        return simulationTab;
    }

    public MenuBar bar() {
        return bar;
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setAccelerator(key);
        i.setOnAction(e -> action.run());
        return i;
    }

    /** Simulation commands show the simulation tab first, so what they do is seen. */
    private EventHandler<ActionEvent> wrapSelect(MainView main,
            EventHandler<ActionEvent> inner) {
        return e -> {
            main.tabs().getSelectionModel().select(simulationTab);
            inner.handle(e);
        };
    }
}
