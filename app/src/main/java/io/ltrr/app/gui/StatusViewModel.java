package io.ltrr.app.gui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The status bar: catalog size, data folder, active policy (switchable), events logged, last message. */
public final class StatusViewModel {
    private record Snapshot(int catalogSize, Map<String, Long> counts, String policy, List<String> policies) {
    }

    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final ReadOnlyStringWrapper catalog = new ReadOnlyStringWrapper(this, "catalog", "catalog: –");
    private final ReadOnlyStringWrapper events = new ReadOnlyStringWrapper(this, "events", "events: –");
    private final StringProperty message = new SimpleStringProperty(this, "message", "ready");
    private final StringProperty policy = new SimpleStringProperty(this, "policy");
    private final ObservableList<String> policies = FXCollections.observableArrayList();
    private boolean applying;

    public StatusViewModel(WorkbenchService service, BackgroundRunner runner) {
        this.service = service;
        this.runner = runner;
        policy.addListener((obs, old, now) -> {
            if (!applying && now != null && !now.equals(old)) {
                switchPolicy(now);
            }
        });
    }

    public ReadOnlyStringProperty catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    public String dataFolder() {
        return "data: " + service.dataDir();
    }

    public ReadOnlyStringProperty eventsProperty() {
        return events.getReadOnlyProperty();
    }

    /** The latest thing that happened, for the status bar's text. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The active policy; setting it switches the engine's policy. */
    public StringProperty policyProperty() {
        return policy;
    }

    public ObservableList<String> policies() {
        return policies;
    }

    /** Reloads sizes, counts and policies from the engine. */
    public void refresh() {
        runner.run("status", () -> new Snapshot(service.catalogSize(), service.logCounts(), service.policyId(),
                service.policyIds()), this::apply, e -> message.set("status failed: " + e.getMessage()));
    }

    /** Reloads only the event counts (after each search or feedback). */
    public void refreshCounts() {
        runner.run("log counts", service::logCounts, this::applyCounts, e -> { });
    }

    private void apply(Snapshot s) {
        if ("preparing the bandit…".equals(message.get())) {
            message.set("ready");
        }
        catalog.set(String.format(Locale.ROOT, "catalog: %,d items", s.catalogSize()));
        applyCounts(s.counts());
        applying = true;
        try {
            policies.setAll(s.policies());
            policy.set(s.policy());
        } finally {
            applying = false;
        }
    }

    private void applyCounts(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        events.set(String.format(Locale.ROOT, "events: %,d (%d searches, %d clicks, %d ratings)", total,
                counts.getOrDefault("searches", 0L), counts.getOrDefault("clicks", 0L),
                counts.getOrDefault("ratings", 0L)));
    }

    private void switchPolicy(String id) {
        Consumer<Throwable> failed = e -> message.set("cannot switch to " + id + ": " + e.getMessage());
        runner.run("switch policy", () -> {
            service.switchPolicy(id);
            return service.policyId();
        }, active -> message.set("policy: " + active + " (remembered across restarts)"), failed);
    }
}
