package io.ltrr.engine.live;

import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.PolicyStart;
import io.ltrr.engine.api.ResetTarget;
import io.ltrr.engine.api.SearchRequest;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.context.ContextFeatures;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.folder.WorkbenchState;
import io.ltrr.engine.prior.WarmStart;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.CatalogBackend;
import io.ltrr.engine.retrieval.QueryMemory;
import io.ltrr.engine.round.Round;
import io.ltrr.engine.round.RoundEngine;
import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.LogPosition;
import io.ltrr.engine.store.RewardRule;
import io.ltrr.engine.store.SearchIds;
import io.ltrr.engine.store.SearchPull;
import io.ltrr.engine.store.ShownItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The live bandit behind the facade: runs a round, logs it, turns feedback into policy updates, and keeps the
 * policy's state in the store so it survives restarts. A search is one transaction (id, session, impression,
 * features, click memory, reformulations, policy snapshot), and so is a feedback (event, rewards, click memory,
 * ranker and policy state): a crash leaves all of it or none. Callers synchronize (the facade does).
 */
public final class BanditService {
    static final Duration SESSION_GAP = Duration.ofMinutes(30);

    private final FeedbackStore store;
    private final RoundEngine engine;
    private final QueryMemory memory;
    private final CatalogBackend index;
    private final RankerService rankers;
    private final SelfLearning learning;
    private final PolicyRegistry registry = PolicyRegistry.standard();
    private final WorkbenchState state;
    private final WarmStart warmStart;
    private final long seed;
    private final Clock clock;
    private SelectionPolicy policy;
    /** The stamp of the policy's newest snapshot as this workbench last loaded or saved it (empty: none). */
    private Optional<LogPosition> stamp = Optional.empty();
    /** The newest event whose pull the policy in memory has learned (if it was this policy's); -1: reload. */
    private long applied;
    /** The newest search when the policy's state started (its prior or uniform): older searches teach it nothing. */
    private long startSearch;

    public BanditService(FeedbackStore store, RoundEngine engine, QueryMemory memory, CatalogBackend index,
                         RankerService rankers, SelfLearning learning, WorkbenchState state, WarmStart warmStart,
                         long seed, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.memory = memory;
        this.index = index;
        this.rankers = rankers;
        this.learning = learning;
        this.state = state;
        this.warmStart = warmStart;
        this.seed = seed;
        this.clock = clock;
        this.policy = load(state.policy());
    }

    /**
     * The policy with its learned state: the latest snapshot in the store caught up with the log (a folder
     * written by an older version may have a snapshot behind it); without one (a new folder, a policy never used
     * here, or after a reset), its prior or a uniform state ({@link #startFresh}).
     */
    private SelectionPolicy load(String policyId) {
        SelectionPolicy p = registry.create(policyId, seed, ContextFeatures.NAMES, PolicyOptions.none());
        // One transaction: on a shared store no other workbench saves between the snapshot read and the caught-up
        // state saved from it.
        stamp = store.inTransaction(() -> {
            if (store.learnedState().latestPolicyState(p.id()).isEmpty()) {
                startFresh(p);
            }
            startSearch = state.policyStartSearch(p.id());
            return PolicyCatchUp.restore(store, p, startSearch);
        });
        applied = stamp.map(LogPosition::eventId).orElse(0L);
        return p;
    }

    /**
     * A policy without learned state starts from the prior learned offline for it and this catalog when one fits
     * (issue 23), or uniform after {@code policy reset --cold} or when none fits; the start is recorded and the state
     * saved at once, stamped with the log's position now, so that pulls already in the log (a reset keeps the log)
     * are not replayed into it.
     */
    private void startFresh(SelectionPolicy p) {
        PolicyStart start = state.warmStarts() ? warmStart.start(p)
                : PolicyStart.uniform("policy reset --cold: started uniform on purpose");
        store.learnedState().savePolicyState(p.id(), p.round(), p.snapshot());
        long newestSearch = store.learnedState().latestPolicyPosition(p.id()).map(LogPosition::searchId).orElse(0L);
        state.setPolicyStart(p.id(), start.kind(), start.source(), start.note(), newestSearch);
    }

    /** What the active policy's learned state started from (a prior or uniform). */
    public PolicyStart policyStart() {
        return state.policyStart(policy.id()).map(f -> new PolicyStart(f.get(0), f.get(1), f.get(2)))
                .orElseGet(() -> PolicyStart.uniform("learned state begun before warm starts existed: it started uniform"));
    }

    /**
     * Brings the policy up to the shared log before a search (ADR 0011), inside the search's transaction and so
     * under the store's write lock: when another workbench saved this policy since this one last did, its snapshot
     * (which includes everything up to its stamp) replaces the state here; pulls of this policy that a workbench
     * using another policy made are replayed. On a folder's own store both checks find nothing.
     */
    private void followLog() {
        Optional<LogPosition> newest = store.learnedState().latestPolicyPosition(policy.id());
        if (applied < 0 || !newest.equals(stamp)) {
            policy = load(policy.id());
        }
        applied = PolicyCatchUp.replayPulls(store, policy, applied, startSearch);
    }

    public RankerService rankers() {
        return rankers;
    }

    public SelectionPolicy policy() {
        return policy;
    }

    public List<String> policyIds() {
        return registry.ids();
    }

    public void switchPolicy(String policyId) {
        policy = load(policyId);
        state.setPolicy(policyId);
    }

    /**
     * One search, one transaction: the searches it closes (each one pull of its policy, ADR 0009), the round
     * (so the policy chooses with what those pulls taught it), then everything the round logs.
     */
    public SearchResult search(SearchRequest request) {
        long start = System.nanoTime();
        SearchContext ctx = request.context();
        request.interleave().ifPresent(rankers::checkInterleavable);
        Round[] round = new Round[1];
        RoundRanking[] used = new RoundRanking[1];
        String searchId;
        try {
            searchId = store.inTransaction(() -> {
                Instant now = clock.instant();
                followLog();
                rankers.refresh();
                closeSearches(ctx.userId(), now);
                String id = store.searchLog().newSearchId();
                // After the refresh: a model another workbench saved just now can rank this round.
                RoundRanking ranking = request.interleave()
                        .map(pair -> rankers.forInterleaving(pair, coins(id)))
                        .orElseGet(() -> rankers.forRound(request.ranker()));
                used[0] = ranking;
                Round r = engine.run(request.query(), ctx, policy, offeredArms(), request.budget(), ranking,
                        request.shown(), request.explorationSlots());
                round[0] = r;
                log(id, r, ranking, ctx, request.query(), now);
                return id;
            });
        } catch (RuntimeException e) {
            // What the rolled-back search taught (its pulls, its round) is rolled back too: reload from the store,
            // or, when the store does not answer (a shared server that is down), at the next search.
            stamp = Optional.empty();
            applied = -1;
            try {
                policy = load(policy.id());
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        Round r = round[0];
        Map<String, Item> items = new HashMap<>();
        for (Item i : index.items(r.results().stream().map(RankedItem::itemId).toList())) {
            if (i != null) {
                items.put(i.id(), i);
            }
        }
        List<String> warnings = new ArrayList<>(used[0].warnings());
        policy.contextWarning(r.x().names()).ifPresent(warnings::add);
        return new SearchResult(searchId, request.query(), ctx, r.analysis(), r.x(), r.selection(),
                r.lists(), r.results(), items, r.rankerId(), (System.nanoTime() - start) / 1000,
                warnings, used[0].teams(r.results()));
    }

    /**
     * The coins of an interleaved search's team draft: from the workbench's seed and the search's number, so a search
     * is reproducible and every search (in any process on the store) flips its own coins.
     */
    private RandomGenerator coins(String searchId) {
        return new SplittableRandom(seed ^ (SearchIds.parse(searchId) * 0x9E3779B97F4A7C15L));
    }

    /** The pulls of the searches a new search of the user closes, learned by the policy that made them. */
    private void closeSearches(String userId, Instant now) {
        RewardRule rule = new RewardRule(state.ratingsTrain(), SESSION_GAP);
        for (SearchPull pull : store.feedbackLog().closeSearches(userId, now, rule)) {
            if (pull.policyId().equals(policy.id()) && PolicyCatchUp.madeSince(pull, startSearch)) {
                policy.update(pull.x(), pull.chosenArms(), pull.rewards());
            }
        }
    }

    private void log(String id, Round round, RoundRanking ranking, SearchContext ctx, String query, Instant now) {
        String session = store.sessions().sessionFor(ctx.userId(), now, SESSION_GAP);
        // An interleaved page's teams go into the impression's context, so a later click is credited from the log.
        Map<String, String> context = contextMap(ctx);
        ranking.teams(round.results()).ifPresent(teams -> context.putAll(teams.toContext()));
        store.searchLog().recordImpression(new Impression(id, now, session, ctx.userId(), query,
                round.analysis().normalized(), context, round.x(), round.selection(), shownItems(round)));
        rankers.logFeatures(id, ranking, round.results());
        observeImpressions(round);
        learning.searched(id);
        store.learnedState().savePolicyState(policy.id(), policy.round(), policy.snapshot());
        stamp = store.learnedState().latestPolicyPosition(policy.id());
        applied = stamp.map(LogPosition::eventId).orElse(applied);
    }

    /** The arms the policy may choose from: every available arm, in registry order. */
    List<String> offeredArms() {
        List<String> order = new ArrayList<>(ArmRegistry.IDS);
        engine.arms().keySet().stream().filter(a -> !order.contains(a)).sorted().forEach(order::add);
        return engine.armIds(order);
    }

    /**
     * A click: the event, its rewards, the click memory, the online ranker and the policy, one transaction. A
     * repeated click on the same item of the same search is logged and learned from by nothing (it counts once).
     */
    public FeedbackResult click(String searchId, String itemId) {
        return store.inTransaction(() -> {
            rankers.refresh();
            FeedbackOutcome outcome = store.feedbackLog().recordClick(searchId, itemId, clock.instant());
            if (!outcome.repeat()) {
                store.searchLog().impression(searchId).ifPresent(imp ->
                        memory.observe(imp.normalizedQuery(), Map.of(), Map.of(itemId, 1)));
                rankers.learnClick(searchId, itemId);
                learning.clicked(searchId);
            }
            return learn(outcome);
        });
    }

    /** A rating: the event, its rewards and the policy, one transaction. */
    public FeedbackResult rate(String searchId, String itemId, Integer grade, String annotator) {
        return store.inTransaction(() ->
                learn(store.feedbackLog().recordRating(searchId, itemId, grade, annotator, clock.instant())));
    }

    /**
     * What an event means for the policy: nothing at once (ADR 0009). Its search's one pull is made when the search
     * closes, with the best signal of each arm; feedback on a closed search is logged only.
     */
    private FeedbackResult learn(FeedbackOutcome o) {
        boolean pending = !store.feedbackLog().isClosed(o.searchId());
        boolean signal = o.eventId().startsWith("c-") || state.ratingsTrain();
        boolean counts = pending && signal && o.hasReward() && o.policyId().equals(policy.id())
                && SearchIds.parse(o.searchId()) > startSearch;
        return new FeedbackResult(o.eventId(), o.searchId(), o.itemId(), o.chosenArms(), o.rewards(), o.policyId(),
                counts, o.repeat(), pending);
    }

    /** Whether annotators' ratings train the live policy (the folder's setting; off by default). */
    public boolean ratingsTrain() {
        return state.ratingsTrain();
    }

    public void setRatingsTrain(boolean on) {
        state.setRatingsTrain(on);
    }

    /**
     * Forgets what the policies and rankers learned; the log stays. The active policy starts again at once from
     * {@code target} (its prior, or uniform), and so does every other policy when next made active.
     */
    public void resetLearning(ResetTarget target) {
        store.runInTransaction(() -> {
            store.learnedState().resetLearning();
            state.clearPolicyStarts();
            state.setWarmStarts(target == ResetTarget.PRIOR);
            rankers.reset();
            policy = load(policy.id());
        });
    }

    /**
     * Saves the policy's state, first brought up to the log: on a shared store other workbenches may have learned
     * since this one's last search, and a save of the state as it was here would hide what they learned.
     */
    public void close() {
        store.runInTransaction(() -> {
            followLog();
            store.learnedState().savePolicyState(policy.id(), policy.round(), policy.snapshot());
        });
    }

    private void observeImpressions(Round round) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        round.results().forEach(r -> seen.put(r.itemId(), 1));
        memory.observe(round.analysis().normalized(), seen, Map.of());
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
