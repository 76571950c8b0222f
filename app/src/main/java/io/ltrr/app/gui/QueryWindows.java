package io.ltrr.app.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Analysis ▸ Query sets… and Analysis ▸ Compare…: each in its own window owned by the main window (they close
 * with it), computing on their own background worker so searches do not queue behind a set's run. "Judge next",
 * a double-clicked query, and a double-clicked disagreement of the agreement window run the query in the main
 * window through one callback, which is also left in the main view's properties under {@link #OPEN_QUERY}.
 */
public final class QueryWindows {
    /** Key of the main view's properties holding the {@code Consumer<String>} that runs a query there. */
    public static final String OPEN_QUERY = "ltrr.openQuery";

    private final QuerySetSource source;
    private final Node main;
    private final Consumer<String> openQuery;
    private final String title;
    private FxBackgroundRunner runner;
    private Stage querySets;
    private Stage compare;
    private QuerySetViewModel querySetVm;
    private CompareViewModel compareVm;

    /**
     * @param source    the engine's query sets
     * @param main      the main window's content (owner of the windows)
     * @param openQuery runs a query in the main window
     * @param title     appended to the windows' titles (the data folder)
     */
    public QueryWindows(QuerySetSource source, Node main, Consumer<String> openQuery, String title) {
        this.source = Objects.requireNonNull(source, "source");
        this.main = Objects.requireNonNull(main, "main");
        this.openQuery = Objects.requireNonNull(openQuery, "openQuery");
        this.title = title;
        main.getProperties().put(OPEN_QUERY, openQuery);
    }

    /** Runs a query in the main window: search tab, the query searched, focus on the results. */
    public static QueryOpener opener(MainViewModel vm, MainView view) {
        return (q, itemId) -> {
            view.tabs().getSelectionModel().selectFirst();
            vm.searchToJudge(q, itemId);
            view.results().requestFocus();
            Window w = view.getScene() == null ? null : view.getScene().getWindow();
            if (w instanceof Stage s) {
                s.toFront();
            }
        };
    }

    /**
     * The opener the main window left under {@link #OPEN_QUERY}: found through the node's window's owners, else
     * among the open windows; a no-op when there is none.
     */
    @SuppressWarnings("unchecked")
    static Consumer<String> openerOf(Node node) {
        Window w = node.getScene() == null ? null : node.getScene().getWindow();
        while (w != null) {
            Object o = w.getScene() == null ? null : w.getScene().getRoot().getProperties().get(OPEN_QUERY);
            if (o instanceof Consumer<?> c) {
                return (Consumer<String>) c;
            }
            w = w instanceof Stage s ? s.getOwner() : null;
        }
        // A window opened without an owner: the one main window of this application holds the opener.
        for (Window any : Window.getWindows()) {
            Object o = any.getScene() == null ? null : any.getScene().getRoot().getProperties().get(OPEN_QUERY);
            if (o instanceof Consumer<?> c) {
                return (Consumer<String>) c;
            }
        }
        return q -> { };
    }

    /** The two menu items. */
    public List<MenuItem> menuItems() {
        MenuItem sets = new MenuItem("Query sets…");
        sets.setId("menu-query-sets");
        sets.setOnAction(e -> openQuerySets());
        MenuItem cmp = new MenuItem("Compare…");
        cmp.setId("menu-compare");
        cmp.setOnAction(e -> openCompare());
        return List.of(sets, cmp);
    }

    /** Opens (or brings to the front) the query-set window. */
    public Stage openQuerySets() {
        if (querySets == null) {
            querySetVm = new QuerySetViewModel(source, runner(), openQuery);
            querySets = stage("Query sets", new QuerySetView(querySetVm), 1280, 760);
            querySetVm.refreshSets();
        }
        querySets.show();
        querySets.toFront();
        return querySets;
    }

    /** Opens (or brings to the front) the comparison window. */
    public Stage openCompare() {
        if (compare == null) {
            compareVm = new CompareViewModel(source, runner());
            compare = stage("Compare two configurations", new CompareView(compareVm), 1280, 800);
        }
        compareVm.refresh();
        compare.show();
        compare.toFront();
        return compare;
    }

    CompareViewModel compareViewModel() {
        return compareVm;
    }

    QuerySetViewModel querySetViewModel() {
        return querySetVm;
    }

    /**
     * For README screenshots: opens a window ({@code queryset} or {@code compare}: the first ready-made alternative
     * (the first ranker) as A against the current configuration as B, over {@code query} or else the first set),
     * waits, writes the PNG and exits.
     */
    public void demo(String which, String query, Path screenshot, double seconds) {
        Stage s;
        if (which.equals("compare")) {
            s = openCompare();
            if (query != null && !query.isBlank()) {
                compareVm.queryProperty().set(query);
            }
            compareVm.refresh(() -> {
                if (compareVm.configurations().size() > 1) {
                    compareVm.configAProperty().set(compareVm.configurations().get(1));
                    compareVm.configBProperty().set("current");
                }
                compareVm.compare();
            });
        } else if (which.equals("queryset")) {
            s = openQuerySets();
        } else {
            throw new IllegalArgumentException("demo window must be queryset or compare, was '" + which + "'");
        }
        if (screenshot == null) {
            return;
        }
        PauseTransition wait = new PauseTransition(Duration.seconds(seconds));
        wait.setOnFinished(e -> {
            Screenshots.write(s.getScene(), screenshot);
            Platform.exit();
        });
        wait.play();
    }

    /** After a switch of the feedback store: the open windows read their sets and runs again, from the new store. */
    public void refresh() {
        if (querySetVm != null) {
            querySetVm.refreshSets();
        }
        if (compareVm != null) {
            compareVm.refresh();
        }
    }

    /** On exit: cancels a running set run or comparison (between queries) and lets the worker finish. */
    public void close() {
        if (querySetVm != null) {
            querySetVm.cancel();
        }
        if (compareVm != null) {
            compareVm.cancel();
        }
        if (runner != null) {
            runner.close();
        }
    }

    private FxBackgroundRunner runner() {
        if (runner == null) {
            runner = new FxBackgroundRunner(1);
        }
        return runner;
    }

    private Stage stage(String name, Parent root, double width, double height) {
        Stage s = new Stage();
        Window owner = main.getScene() == null ? null : main.getScene().getWindow();
        if (owner != null) {
            s.initOwner(owner);
        }
        s.setTitle(name + (title == null ? "" : " — " + title));
        Scene scene = new Scene(root, width, height);
        Theme.apply(scene, false);
        s.setScene(scene);
        return s;
    }
}
