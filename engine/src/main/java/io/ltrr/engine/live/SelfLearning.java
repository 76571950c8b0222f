package io.ltrr.engine.live;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.prefs.PreferenceParser;
import io.ltrr.engine.prefs.Preferences;
import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.rewrite.ReformulationConfig;
import io.ltrr.engine.rewrite.ReformulationDetector;
import io.ltrr.engine.rewrite.ReformulationTracker;
import io.ltrr.engine.rewrite.SemanticSimilarity;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.SessionLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Self-learning from implicit feedback and stated preferences, on the data folder's feedback store: detects
 * reformulations as searches are logged, promotes them when clicks arrive, serves the learned rewrites, and
 * keeps users' stated profiles. Its writes join the caller's transaction (the search's or the click's). Callers
 * synchronize (the facade does).
 */
public final class SelfLearning {
    private final SessionLog sessions;
    private final ReformulationTracker tracker;
    private final Preferences preferences;

    public SelfLearning(FeedbackStore store, ReformulationConfig config, SemanticSimilarity semantic) {
        this.sessions = store.sessions();
        // The chain is rebuilt from the log's aggregate counts on open: one GROUP BY, small next to the index.
        this.tracker = ReformulationTracker.load(store.reformulations(), new ReformulationDetector(config, semantic));
        this.preferences = new Preferences(store.profiles());
    }

    public QueryRewriter rewriter() {
        return tracker.model();
    }

    public Preferences preferences() {
        return preferences;
    }

    /** A search was logged: it may reformulate the search before it in its session. */
    void searched(String searchId) {
        sessions.previousInSession(searchId).ifPresent(prev ->
                sessions.search(searchId).ifPresent(next -> tracker.searched(prev, next)));
    }

    /** A search got a click: the reformulations that led to it succeeded. */
    void clicked(String searchId) {
        tracker.clicked(searchId);
    }

    /** A parser over the catalog's style and genre names. */
    public static PreferenceParser parser(List<Item> items) {
        List<String> names = new ArrayList<>();
        for (Item item : items) {
            names.addAll(item.styles());
            names.addAll(item.genres());
        }
        return new PreferenceParser(names);
    }
}
