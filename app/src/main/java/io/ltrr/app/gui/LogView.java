package io.ltrr.app.gui;

import io.ltrr.app.gui.LogViewModel.LogRow;
import io.ltrr.engine.store.LogEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The feedback log: recent searches, clicks and ratings with item titles, filterable by kind and text. */
public final class LogView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** How often a shown log of a shared store is read again. */
    static final Duration LIVE_REFRESH = Duration.seconds(5);

    private final LogViewModel vm;
    private final PauseTransition live = new PauseTransition();

    public LogView(LogViewModel vm) {
        this(vm, LIVE_REFRESH);
    }

    LogView(LogViewModel vm, Duration liveRefresh) {
        this.vm = vm;
        setId("log");
        ComboBox<LogEvent.Kind> kind = new ComboBox<>(FXCollections.observableArrayList(
                Arrays.asList(null, LogEvent.Kind.SEARCH, LogEvent.Kind.CLICK, LogEvent.Kind.RATING)));
        kind.setId("log-kind");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(LogEvent.Kind k) {
                return k == null ? "all kinds" : k.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public LogEvent.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        TextField text = new TextField();
        text.setId("log-text");
        text.setPromptText("filter: query, item id or title");
        text.setPrefWidth(260);
        text.textProperty().bindBidirectional(vm.textProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Label liveNote = new Label("live: the team's shared store, read every "
                + (int) liveRefresh.toSeconds() + " s");
        liveNote.setId("log-live");
        liveNote.setVisible(vm.shared());
        liveNote.setManaged(vm.shared());
        setTop(new ToolBar(new Label("Show"), kind, text, refresh, liveNote));
        live.setDuration(liveRefresh);
        live.setOnFinished(e -> liveTick(liveNote));
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                live.playFromStart();
            } else {
                live.stop();
            }
        });

        TableView<LogRow> table = new TableView<>(vm.events());
        table.setId("log-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(Cells.column("time", (LogRow r) -> TIME.format(r.event().time()), 140),
                Cells.column("kind", (LogRow r) -> r.event().kind().name().toLowerCase(Locale.ROOT), 60),
                Cells.column("search", (LogRow r) -> r.event().searchId(), 70),
                Cells.column("item", (LogRow r) -> r.event().itemId() == null ? "" : r.event().itemId(), 110),
                Cells.column("title", LogRow::title, 260),
                Cells.column("annotator", (LogRow r) -> r.event().annotator() == null ? "" : r.event().annotator(), 90),
                Cells.column("detail", (LogRow r) -> r.event().detail(), 300)));
        Label empty = new Label();
        empty.setId("log-empty");
        empty.textProperty().bind(vm.emptyTextProperty());
        table.setPlaceholder(empty);
        setCenter(table);
    }

    /**
     * Reads a shared store's log again while this view is shown (its tab selected, its window open): other
     * annotators' ratings and searches appear without a click on Refresh. A folder's own store only changes
     * through this window, which refreshes the log itself.
     */
    private void liveTick(Label liveNote) {
        boolean shared = vm.shared();
        liveNote.setVisible(shared);
        liveNote.setManaged(shared);
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return; // the window closed: stop
        }
        if (shared && isVisible() && (getParent() == null || getParent().isVisible())) { // a tab not selected is invisible
            vm.refresh();
        }
        live.playFromStart();
    }
}
