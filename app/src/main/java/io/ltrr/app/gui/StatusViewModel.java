package io.ltrr.app.gui;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.store.StoreOfflineException;
import io.ltrr.engine.store.StoreStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status bar: catalog size and where it is searched (retrieval backend), where feedback is saved (feedback
 * store) and whether it answers, data folder, active policy and ranker (both switchable), events logged, last
 * message. The store is asked on a worker of its own ({@link #checkStore}), rarely while it answers and every few
 * seconds while it does not; an operation that failed because the store is offline shows it offline at once.
 */
public final class StatusViewModel {
    private record Snapshot(int catalogSize, BackendChoice backend, Map<String, Long> counts, String policy,
                            List<String> policies, String ranker, List<String> rankers, Map<String, Long> versions,
                            boolean ratingsTrain) {
    }

    /** The default index name of an OpenSearch backend (when the choice leaves it empty). */
    static final String DEFAULT_INDEX = "ltrr-catalog";

    /** How long to wait before asking the store again while it answers. */
    static final Duration STORE_CHECK = Duration.ofSeconds(60);
    /** How long to wait before asking again while it does not (the check reconnects once the server is back). */
    static final Duration STORE_RETRY = Duration.ofSeconds(3);
    /** The store label while the store does not answer. */
    static final String STORE_OFFLINE = "store offline — retrying";

    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final ReadOnlyStringWrapper catalog = new ReadOnlyStringWrapper(this, "catalog", "catalog: –");
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(this, "backend", "");
    private final ReadOnlyStringWrapper store = new ReadOnlyStringWrapper(this, "store", "store: –");
    private final ReadOnlyStringWrapper storeTip = new ReadOnlyStringWrapper(this, "storeTip", "");
    private final ReadOnlyBooleanWrapper storeOffline = new ReadOnlyBooleanWrapper(this, "storeOffline");
    private boolean checkingStore;
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
    private final EmbeddingViewModel embedding;

    public StatusViewModel(WorkbenchService service, BackgroundRunner runner) {
        this.service = service;
        this.runner = runner;
        this.embedding = new EmbeddingViewModel(service, runner, System::nanoTime, message::set);
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

    /** The background embedding of the catalog's vectors and its progress (ADR 0013). */
    public EmbeddingViewModel embedding() {
        return embedding;
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

    /**
     * Where feedback is saved: "store: this folder (H2)", "store: postgresql://host:port/db (shared)", or
     * {@value #STORE_OFFLINE} while the store does not answer.
     */
    public ReadOnlyStringProperty storeProperty() {
        return store.getReadOnlyProperty();
    }

    /** The store label's tooltip: why the store does not answer, else where it is. */
    public ReadOnlyStringProperty storeTipProperty() {
        return storeTip.getReadOnlyProperty();
    }

    /** True while the store does not answer (the label is then a warning, and checks come every few seconds). */
    public ReadOnlyBooleanProperty storeOfflineProperty() {
        return storeOffline.getReadOnlyProperty();
    }

    /** How long to wait before the next check: {@link #STORE_RETRY} while offline, else {@link #STORE_CHECK}. */
    public Duration nextStoreCheck() {
        return storeOffline.get() ? STORE_RETRY : STORE_CHECK;
    }

    /**
     * Asks the store whether it answers, on {@code checker} (a worker of its own: asking an unreachable server takes
     * seconds, and searches must not wait behind it), and shows the answer; then runs {@code done}. A check asked
     * while one runs is dropped ({@code done} then does not run: the running one's does).
     */
    public void checkStore(BackgroundRunner checker, Runnable done) {
        if (checkingStore) {
            return;
        }
        checkingStore = true;
        checker.run("store status", service::storeStatus, s -> {
            checkingStore = false;
            showStore(s);
            done.run();
        }, e -> {
            checkingStore = false;
            showOffline(FormValues.firstLine(e));
            done.run();
        });
    }

    /** Shows the store as {@code status} says: where it is when it answers, else offline with why as tooltip. */
    public void showStore(StoreStatus status) {
        if (status.online()) {
            storeOffline.set(false);
            store.set(storeText(status));
            storeTip.set(status.shared()
                    ? "feedback is saved in the PostgreSQL database " + where(status) + ", shared with other "
                    + "workbenches (File ▸ Feedback store… changes it)"
                    : "feedback is saved in this data folder's own H2 database (File ▸ Feedback store… changes it)");
        } else {
            showOffline(status.problem().orElseThrow());
        }
    }

    /**
     * When {@code failure} (or one of its causes) says the feedback store is offline, shows the store offline at
     * once (checks then retry every few seconds until it answers again).
     *
     * @return whether it did
     */
    public boolean storeFailed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StoreOfflineException) {
                showOffline(FormValues.firstLine(t));
                return true;
            }
        }
        return false;
    }

    private void showOffline(String why) {
        storeTip.set(why);
        store.set(STORE_OFFLINE);
        storeOffline.set(true);
    }

    /** "store: this folder (H2)" or "store: postgresql://host:port/db (shared)"; never a password. */
    static String storeText(StoreStatus status) {
        return status.shared() ? "store: " + where(status) + " (shared)" : "store: this folder (H2)";
    }

    /** The server as people write it: postgresql://host:port/db, without JDBC's prefix. */
    private static String where(StoreStatus status) {
        return status.where().replaceFirst("^jdbc:", "");
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
                this::apply, e -> {
                    storeFailed(e);
                    message.set("status failed: " + e.getMessage());
                });
    }

    /** Reloads only the event counts (after each search or feedback). */
    public void refreshCounts() {
        runner.run("log counts", service::logCounts, this::applyCounts, this::storeFailed);
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
        Consumer<Throwable> failed = e -> {
            storeFailed(e);
            message.set("cannot switch to " + id + ": " + e.getMessage());
        };
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
                    storeFailed(e);
                    message.set("cannot change whether ratings train: " + e.getMessage());
                    refresh();
                });
    }

    private void switchRanker(String id) {
        Consumer<Throwable> failed = e -> {
            storeFailed(e);
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
