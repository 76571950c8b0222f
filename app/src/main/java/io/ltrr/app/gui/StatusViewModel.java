package io.ltrr.app.gui;

import io.ltrr.engine.api.BackendChoice;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status bar: catalog size and where it is searched (retrieval backend), data folder, active policy and ranker
 * (both switchable), events logged, last message.
 */
public final class StatusViewModel {
    private record Snapshot(int catalogSize, BackendChoice backend, Map<String, Long> counts, String policy,
                            List<String> policies, String ranker, List<String> rankers, Map<String, Long> versions,
                            boolean ratingsTrain) {
    }

    /** The default index name of an OpenSearch backend (when the choice leaves it empty). */
    static final String DEFAULT_INDEX = "ltrr-catalog";

    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final ReadOnlyStringWrapper catalog = new ReadOnlyStringWrapper(this, "catalog", "catalog: –");
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(this, "backend", "");
    private final ReadOnlyStringWrapper events = new ReadOnlyStringWrapper(this, "events", "events: –");
    private final StringProperty message = new SimpleStringProperty(this, "message", "ready");
    private final StringProperty policy = new SimpleStringProperty(this, "policy");
    private final ObservableList<String> policies = FXCollections.observableArrayList();
    private final StringProperty ranker = new SimpleStringProperty(this, "ranker");
    private final BooleanProperty ratingsTrain = new SimpleBooleanProperty(this, "ratingsTrain");
    private final ObservableList<String> rankers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rankerModel = new ReadOnlyStringWrapper(this, "rankerModel", "");
    private Map<String, Long> versions = Map.of();
    private boolean applying;

    public StatusViewModel(WorkbenchService service, BackgroundRunner runner) {
        this.service = service;
        this.runner = runner;
        policy.addListener((obs, old, now) -> {
            if (!applying && now != null && !now.equals(old)) {
                switchPolicy(now);
            }
        });
        ranker.addListener((obs, old, now) -> {
            if (!applying && now != null && !now.equals(old)) {
                switchRanker(now);
            }
        });
        ratingsTrain.addListener((obs, old, now) -> {
            if (!applying) {
                setRatingsTrain(now);
            }
        });
    }

    public ReadOnlyStringProperty catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    /** Where the catalog is searched: "embedded index" or "OpenSearch ltrr-catalog @ http://host:9200". */
    public ReadOnlyStringProperty backendProperty() {
        return backend.getReadOnlyProperty();
    }

    /** Shows {@code choice} as the backend the catalog is searched in (after a switch). */
    public void showBackend(BackendChoice choice) {
        backend.set(backendText(choice));
    }

    /**
     * A backend for people: "embedded index", or "OpenSearch INDEX @ URL". Never a password: a choice cannot hold
     * credentials in its URL (BackendChoice refuses one), and the password is never part of a choice.
     */
    static String backendText(BackendChoice choice) {
        if (choice.isEmbedded()) {
            return "embedded index";
        }
        return "OpenSearch " + (choice.index().isEmpty() ? DEFAULT_INDEX : choice.index()) + " @ " + choice.url();
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

    /** The active ranker; setting it switches the ranker of the shown list (from the next search). */
    public StringProperty rankerProperty() {
        return ranker;
    }

    public ObservableList<String> rankers() {
        return rankers;
    }

    /** Whether annotators' ratings train the live policy; setting it changes the folder's setting. */
    public BooleanProperty ratingsTrainProperty() {
        return ratingsTrain;
    }

    /** The active ranker's model: "model v3", "no model trained yet (ranks by RRF)", or empty for rrf. */
    public ReadOnlyStringProperty rankerModelProperty() {
        return rankerModel.getReadOnlyProperty();
    }

    /** Reloads sizes, counts, policies and rankers from the engine. */
    public void refresh() {
        runner.run("status", () -> new Snapshot(service.catalogSize(), service.backend(), service.logCounts(),
                service.policyId(), service.policyIds(), service.rankerId(), service.rankerIds(),
                service.rankerVersions(), service.ratingsTrain()),
                this::apply, e -> message.set("status failed: " + e.getMessage()));
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
        showBackend(s.backend());
        applyCounts(s.counts());
        applying = true;
        try {
            policies.setAll(s.policies());
            policy.set(s.policy());
            rankers.setAll(s.rankers());
            ranker.set(s.ranker());
            versions = s.versions();
            rankerModel.set(modelText(s.ranker()));
            ratingsTrain.set(s.ratingsTrain());
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

    private void setRatingsTrain(boolean on) {
        runner.run("ratings train", () -> {
            service.setRatingsTrain(on);
            return service.ratingsTrain();
        }, now -> message.set(now ? "ratings train the live policy (remembered across restarts)"
                : "ratings are logged and evaluated, but do not train the live policy (remembered across restarts)"),
                e -> {
                    message.set("cannot change whether ratings train: " + e.getMessage());
                    refresh();
                });
    }

    private void switchRanker(String id) {
        Consumer<Throwable> failed = e -> {
            message.set("cannot switch to ranker " + id + ": " + e.getMessage());
            refresh();
        };
        runner.run("switch ranker", () -> {
            service.switchRanker(id);
            return new String[] {service.rankerId(), String.valueOf(service.rankerVersions().getOrDefault(id, -1L))};
        }, active -> {
            rankerModel.set(modelText(active[0]));
            message.set("ranker: " + active[0] + (rankerModel.get().isEmpty() ? "" : ", " + rankerModel.get())
                    + " (from the next search; remembered across restarts)");
        }, failed);
    }

    private String modelText(String id) {
        Long v = versions.get(id);
        if (v == null || v < 0) {
            return "";
        }
        return v == 0 ? "no model trained yet" : "model v" + v;
    }
}
