package io.ltrr.app.gui;

import io.ltrr.engine.store.LogEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The feedback log: the latest searches, clicks and ratings with the titles of their items, filtered by kind and by
 * a text found in the query, the item id or the item's title.
 */
public final class LogViewModel {
    static final int SHOWN = 500;
    /** How many of the latest events a title filter looks through (ids and queries are filtered over the whole log). */
    static final int TITLE_SCAN = 5_000;

    /** One log line with the title of its item ("" for a search, or an item no longer in the catalog). */
    public record LogRow(LogEvent event, String title) {
    }

    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final ObservableList<LogRow> events = FXCollections.observableArrayList();
    private final ObjectProperty<LogEvent.Kind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper empty = new ReadOnlyStringWrapper(this, "empty", "nothing logged yet");

    public LogViewModel(WorkbenchService service, BackgroundRunner runner) {
        this.service = service;
        this.runner = runner;
        kind.addListener((obs, o, n) -> refresh());
        text.addListener((obs, o, n) -> refresh());
    }

    public ObservableList<LogRow> events() {
        return events;
    }

    /** Only events of this kind; null for all. */
    public ObjectProperty<LogEvent.Kind> kindProperty() {
        return kind;
    }

    /** Only events whose query, item id or item title contains this text (any case). */
    public StringProperty textProperty() {
        return text;
    }

    /** What the empty table says: that nothing is logged, or that nothing matches the filter. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return empty.getReadOnlyProperty();
    }

    /**
     * Whether the log is a team's shared store (PostgreSQL), which other workbenches write while this one shows it:
     * the view then reads it again every few seconds while it is shown.
     */
    public boolean shared() {
        return service.store().isPostgresql();
    }

    public void refresh() {
        LogEvent.Kind k = kind.get();
        String t = text.get() == null || text.get().isBlank() ? null : text.get().trim();
        runner.run("log", () -> rows(k, t), rows -> {
            events.setAll(rows);
            empty.set(k == null && t == null ? "nothing logged yet" : "nothing matches the filter"
                    + (k == null ? "" : " (" + k.name().toLowerCase(Locale.ROOT) + "s")
                    + (t == null ? (k == null ? "" : ")") : (k == null ? " (" : ", ") + "\"" + t + "\")"));
        }, e -> {
            events.clear();
            empty.set("the log cannot be read: " + e.getMessage());
        });
    }

    private List<LogRow> rows(LogEvent.Kind k, String t) {
        Map<String, String> titles = service.titles();
        List<LogEvent> found;
        if (t == null) {
            found = service.recentEvents(SHOWN, k, null);
        } else {
            String needle = t.toLowerCase(Locale.ROOT);
            Set<LogEvent> union = new LinkedHashSet<>(service.recentEvents(SHOWN, k, t));
            for (LogEvent e : service.recentEvents(TITLE_SCAN, k, null)) {
                String title = e.itemId() == null ? null : titles.get(e.itemId());
                if (title != null && title.toLowerCase(Locale.ROOT).contains(needle)) {
                    union.add(e);
                }
            }
            found = new ArrayList<>(union);
            found.sort(Comparator.comparing(LogEvent::time).reversed());
            found = found.subList(0, Math.min(SHOWN, found.size()));
        }
        return found.stream().map(e -> new LogRow(e, e.itemId() == null ? "" : titles.getOrDefault(e.itemId(), "")))
                .toList();
    }
}
