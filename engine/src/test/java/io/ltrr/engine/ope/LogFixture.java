package io.ltrr.engine.ope;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.UniformPolicy;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.ShownItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills a real feedback store with a seeded log: a uniform policy picks 2 of 3 arms per search, each chosen arm
 * brings its own items (arm "good" the item the user wants more often), and some searches get a click.
 */
public final class LogFixture {
    public static final List<String> ARMS = List.of("good", "bad", "meh");
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private LogFixture() {
    }

    /** Records {@code n} searches with clicks; returns their ids. */
    public static List<String> fill(FeedbackStore store, int n, long seed) {
        UniformPolicy policy = new UniformPolicy(seed);
        SplittableRandom random = new SplittableRandom(seed);
        ContextVector x = new ContextVector(List.of("bias", "voice"), new double[] {1, 0});
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String query = "query " + (i % 3);
            Selection s = policy.select(x, ARMS, new SelectionBudget(2, 20, 5));
            List<ShownItem> shown = new ArrayList<>();
            for (String arm : s.chosen()) {
                Map<String, ArmHit> prov = new LinkedHashMap<>();
                prov.put(arm, new ArmHit(1, 1.0));
                shown.add(new ShownItem(shown.size() + 1, arm + "-" + (i % 3), 1.0 / (shown.size() + 1), prov));
            }
            String id = store.searchLog().newSearchId();
            Instant at = T0.plusSeconds(60L * i);
            store.searchLog().recordImpression(new Impression(id, at, "ses-1", "u" + (i % 2), query, query, Map.of("device", "screen"),
                    x, s, shown));
            double rate = Map.of("good", 0.8, "bad", 0.1, "meh", 0.4).get(s.chosen().getFirst());
            if (random.nextDouble() < rate) {
                store.feedbackLog().recordClick(id, shown.getFirst().itemId(), at.plusSeconds(5));
            }
            ids.add(id);
        }
        return ids;
    }
}
