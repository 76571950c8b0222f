package io.ltrr.app.gui;

import io.ltrr.engine.store.LogEvent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The feedback log: the latest searches, clicks and ratings, filtered by kind and text. */
public final class LogViewModel {
    static final int SHOWN = 500;

    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final ObservableList<LogEvent> events = FXCollections.observableArrayList();
    private final ObjectProperty<LogEvent.Kind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    public LogViewModel(WorkbenchService service, BackgroundRunner runner) {
        this.service = service;
        this.runner = runner;
        kind.addListener((obs, o, n) -> refresh());
        text.addListener((obs, o, n) -> refresh());
    }

    public ObservableList<LogEvent> events() {
        return events;
    }

    /** Only events of this kind; null for all. */
    public ObjectProperty<LogEvent.Kind> kindProperty() {
        return kind;
    }

    /** Only events whose query or item contains this text. */
    public StringProperty textProperty() {
        return text;
    }

    public void refresh() {
        LogEvent.Kind k = kind.get();
        String t = text.get();
        runner.run("log", () -> service.recentEvents(SHOWN, k, t == null || t.isBlank() ? null : t.trim()),
                events::setAll, e -> events.clear());
    }
}
