package io.ltrr.engine;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.prefs.PreferenceParser;
import io.ltrr.engine.prefs.Preferences;
import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.rewrite.ReformulationConfig;
import io.ltrr.engine.rewrite.ReformulationDetector;
import io.ltrr.engine.rewrite.ReformulationTracker;
import io.ltrr.engine.rewrite.SemanticSimilarity;
import io.ltrr.engine.store.H2ProfileStore;
import io.ltrr.engine.store.H2ReformulationLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The facade's self-learning from implicit feedback and stated preferences, on the data folder's feedback
 * database: detects reformulations as searches are logged, promotes them when clicks arrive, serves the learned
 * rewrites, and keeps users' stated profiles. Open it after the feedback store (which holds the folder lock) and
 * close it before. Callers synchronize (the facade does).
 */
final class SelfLearning implements AutoCloseable {
    private final H2ReformulationLog log;
    private final H2ProfileStore profiles;
    private final ReformulationTracker tracker;
    private final Preferences preferences;

    private SelfLearning(H2ReformulationLog log, H2ProfileStore profiles, ReformulationConfig config,
                         SemanticSimilarity semantic) {
        this.log = log;
        this.profiles = profiles;
        // The chain is rebuilt from the log's aggregate counts on open: one GROUP BY, small next to the index.
        this.tracker = ReformulationTracker.load(log, new ReformulationDetector(config, semantic));
        this.preferences = new Preferences(profiles);
    }

    static SelfLearning open(Path dataDir, ReformulationConfig config, SemanticSimilarity semantic) {
        H2ReformulationLog log = H2ReformulationLog.open(dataDir);
        try {
            return new SelfLearning(log, H2ProfileStore.open(dataDir), config, semantic);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    QueryRewriter rewriter() {
        return tracker.model();
    }

    Preferences preferences() {
        return preferences;
    }

    /** A search was logged: it may reformulate the search before it in its session. */
    void searched(String searchId) {
        log.previousInSession(searchId).ifPresent(prev ->
                log.search(searchId).ifPresent(next -> tracker.searched(prev, next)));
    }

    /** A search got a click: the reformulations that led to it succeeded. */
    void clicked(String searchId) {
        tracker.clicked(searchId);
    }

    /** A parser over the catalog's style and genre names. */
    static PreferenceParser parser(List<Item> items) {
        List<String> names = new ArrayList<>();
        for (Item item : items) {
            names.addAll(item.styles());
            names.addAll(item.genres());
        }
        return new PreferenceParser(names);
    }

    @Override
    public void close() {
        try {
            profiles.close();
        } finally {
            log.close();
        }
    }
}
