package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.ShownItem;

import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search over four offered arms: S = {bm25, dense, popular}; "explore" was offered but not chosen.
 * Shown: item-a (bm25 + dense), item-b (dense only), item-c (popular only).
 */
final class Fixtures {
    static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456789Z");

    private Fixtures() {
    }

    static ContextVector x() {
        return new ContextVector(List.of("bias", "query_length", "hour_sin", "device_voice"),
                new double[] {1.0, 2.0, 0.7071067811865476, 0.0});
    }

    static Selection selection(long round) {
        Map<String, Double> propensity = new LinkedHashMap<>();
        propensity.put("bm25", 0.9);
        propensity.put("dense", 0.55);
        propensity.put("popular", 0.3);
        propensity.put("explore", 0.05);
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        diagnostics.put("bm25", new ArmDiagnostics(0.62, 0.08, 0.71, 40));
        diagnostics.put("dense", new ArmDiagnostics(0.48, 0.12, 0.66, 25));
        diagnostics.put("popular", new ArmDiagnostics(0.31, 0.2, 0.52, 9));
        diagnostics.put("explore", new ArmDiagnostics(0.0, Double.POSITIVE_INFINITY, 0.1, 0));
        return new Selection("thompson", round, List.of("bm25", "dense", "popular"),
                Map.of("bm25", 50, "dense", 30, "popular", 20), propensity, diagnostics);
    }

    static List<ShownItem> shown() {
        return List.of(
                new ShownItem(1, "item-a", 3.25, Map.of("bm25", new ArmHit(1, 12.5), "dense", new ArmHit(4, 0.81))),
                new ShownItem(2, "item-b", 2.5, Map.of("dense", new ArmHit(1, 0.93))),
                new ShownItem(3, "item-c", 1.75, Map.of("popular", new ArmHit(2, 0.4))));
    }

    static Impression impression(String searchId, Instant at, String query) {
        return new Impression(searchId, at, "ses-1", "alice", query, query.toLowerCase(java.util.Locale.ROOT),
                Map.of("device", "screen", "hour", "10", "locale", "en-GB", "profile", "jazz:0.8,rock:0.2"),
                x(), selection(7), shown());
    }

    /** Records a fresh impression and returns its id. */
    static String record(FeedbackStore store, Instant at, String query) {
        String id = store.searchLog().newSearchId();
        store.searchLog().recordImpression(impression(id, at, query));
        return id;
    }
}
