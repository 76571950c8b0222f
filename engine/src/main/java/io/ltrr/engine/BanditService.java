package io.ltrr.engine;

import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.context.ContextFeatures;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.round.Round;
import io.ltrr.engine.round.RoundEngine;
import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.ShownItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live bandit behind the facade: runs a round, logs the impression, turns feedback into policy updates,
 * and keeps the policy's state in the store so it survives restarts. Callers synchronize (the facade does).
 */
final class BanditService {
    static final Duration SESSION_GAP = Duration.ofMinutes(30);

    private final FeedbackStore store;
    private final RoundEngine engine;
    private final CatalogIndex index;
    private final RankerService ranker;
    private final PolicyRegistry registry = PolicyRegistry.standard();
    private final WorkbenchState state;
    private final long seed;
    private final Clock clock;
    private SelectionPolicy policy;
    private SelectionBudget budget = SelectionBudget.defaults();
    private int shown = 20;

    BanditService(FeedbackStore store, RoundEngine engine, CatalogIndex index, RankerService ranker, WorkbenchState state,
                  long seed, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.index = index;
        this.ranker = ranker;
        this.state = state;
        this.seed = seed;
        this.clock = clock;
        this.policy = load(state.policy());
    }

    /**
     * The policy with its learned state: the latest snapshot in the store caught up with the log (after a crash
     * it may miss the last events), else a fresh one.
     */
    private SelectionPolicy load(String policyId) {
        SelectionPolicy p = registry.create(policyId, seed, ContextFeatures.NAMES, PolicyOptions.none());
        PolicyCatchUp.restore(store, p);
        return p;
    }

    RankerService rankers() {
        return ranker;
    }

    SelectionPolicy policy() {
        return policy;
    }

    List<String> policyIds() {
        return registry.ids();
    }

    void switchPolicy(String policyId) {
        SelectionPolicy next = load(policyId);
        policy = next;
        state.setPolicy(policyId);
    }

    void setBudget(SelectionBudget b) {
        budget = b;
    }

    SelectionBudget budget() {
        return budget;
    }

    void setShown(int n) {
        if (n < 1 || n > 1000) {
            throw new IllegalArgumentException("shown results must be between 1 and 1000, was " + n);
        }
        shown = n;
    }

    SearchResult search(String query, SearchContext ctx) {
        long start = System.nanoTime();
        Round round = engine.run(query, ctx, policy, offeredArms(), budget, ranker, shown);
        Instant now = clock.instant();
        String searchId = store.newSearchId();
        String session = store.sessionFor(ctx.userId(), now, SESSION_GAP);
        store.recordImpression(new Impression(searchId, now, session, ctx.userId(), query,
                round.analysis().normalized(), contextMap(ctx), round.x(), round.selection(), shownItems(round)));
        ranker.logFeatures(searchId, round.results());
        store.savePolicyState(policy.id(), policy.round(), policy.snapshot());
        observeImpressions(round);
        Map<String, Item> items = new HashMap<>();
        for (RankedItem r : round.results()) {
            index.itemById(r.itemId()).ifPresent(i -> items.put(i.id(), i));
        }
        return new SearchResult(searchId, query, ctx, round.analysis(), round.x(), round.selection(), round.lists(),
                round.results(), items, round.rankerId(), (System.nanoTime() - start) / 1000);
    }

    /** The arms the policy may choose from: every available arm, in registry order. */
    List<String> offeredArms() {
        List<String> order = new ArrayList<>(ArmRegistry.IDS);
        engine.arms().keySet().stream().filter(a -> !order.contains(a)).sorted().forEach(order::add);
        return engine.armIds(order);
    }

    FeedbackResult click(String searchId, String itemId) {
        FeedbackOutcome outcome = store.recordClick(searchId, itemId, clock.instant());
        store.impression(searchId).ifPresent(imp ->
                engine.memory().observe(imp.normalizedQuery(), Map.of(), Map.of(itemId, 1)));
        ranker.learnClick(searchId, itemId);
        return learn(outcome);
    }

    FeedbackResult rate(String searchId, String itemId, Integer grade, String annotator) {
        return learn(store.recordRating(searchId, itemId, grade, annotator, clock.instant()));
    }

    /** Updates the active policy when it made the selection; the log keeps the event either way. */
    private FeedbackResult learn(FeedbackOutcome o) {
        boolean update = o.hasReward() && o.policyId().equals(policy.id());
        if (update) {
            policy.update(o.x(), o.chosenArms(), o.rewards());
            store.savePolicyState(policy.id(), policy.round(), policy.snapshot());
        }
        return new FeedbackResult(o.eventId(), o.searchId(), o.itemId(), o.chosenArms(), o.rewards(), o.policyId(),
                update);
    }

    void resetLearning() {
        store.resetLearning();
        policy.reset();
        ranker.reset();
    }

    void close() {
        store.savePolicyState(policy.id(), policy.round(), policy.snapshot());
    }

    private void observeImpressions(Round round) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        round.results().forEach(r -> seen.put(r.itemId(), 1));
        engine.memory().observe(round.analysis().normalized(), seen, Map.of());
    }

    private static Map<String, String> contextMap(SearchContext ctx) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("user", ctx.userId());
        m.put("device", ctx.device().key());
        m.put("local_time", ctx.localTime().toString());
        m.put("locale", ctx.locale().toLanguageTag());
        m.put("profile", String.join(",", ctx.profile()));
        return m;
    }

    private static List<ShownItem> shownItems(Round round) {
        List<ShownItem> out = new ArrayList<>();
        for (RankedItem r : round.results()) {
            out.add(new ShownItem(r.position(), r.itemId(), r.score(), r.provenance()));
        }
        return out;
    }
}
