package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.context.Device;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.eval.Metrics;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.InMemoryQueryMemory;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.round.Round;
import io.ltrr.engine.round.RoundEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Simulated users searching a catalog through the real {@link RoundEngine}. Round t: from the traffic stream of
 * (seed, t) a user, their context, an intent (by the device's intent mix) and the typed query; the engine runs
 * the round with the policy; the user sees the top N (a voice user only the top {@code voiceDepth}) and clicks by
 * the click model with the round's item coins; the clicks go to the click memory so the memory arm learns.
 *
 * <p>Oracle: o_a = P(at least one click | the user is shown arm a's own top list alone, cut to the device's
 * depth), for every offered arm; a chosen arm's list is reused when it is deep enough, the others are retrieved
 * with the same request. See {@link Regret}. Rewards: a chosen arm earns 1 when a clicked item is among its
 * candidates this round, else 0. A {@link ClickTrainedRanker} learns from the round's clicks after them.
 *
 * <p>Retries: when the scenario's users {@link Reformulate reformulate}, a failed noisy round may be followed by the
 * same user's retry with the words they meant, played as the next round in place of its drawn traffic (see
 * {@link SessionRetries}); the pairs teach the world's rewrite model, which serves the {@code rewrite} arm.
 */
public final class CatalogWorld implements SimulatedWorld {
    private final RoundEngine engine;
    private final long engineSeed;
    private final InMemoryQueryMemory memory;
    private final List<String> offered;
    private final MusicScenario scenario;
    private final SelectionBudget budget;
    private final Ranker ranker;
    private final ClickModel clicks;
    private final UserPopulation users;
    private final IntentSource intents;
    private final QueryWriter writer;
    private final long seed;
    private final SessionRetries retries;

    CatalogWorld(RoundEngine engine, long engineSeed, InMemoryQueryMemory memory, List<String> offered,
                 MusicScenario scenario, Ranker ranker, UserPopulation users, IntentSource intents, long seed,
                 SessionRetries retries) {
        this.retries = Objects.requireNonNull(retries, "retries");
        this.engine = engine;
        this.engineSeed = engineSeed;
        this.memory = memory;
        this.offered = List.copyOf(offered);
        this.scenario = scenario;
        this.budget = new SelectionBudget(Math.min(scenario.maxArms(), offered.size()), scenario.totalCandidates(),
                Math.min(scenario.minPerArm(), scenario.totalCandidates() / Math.min(scenario.maxArms(), offered.size())));
        this.ranker = ranker;
        this.clicks = scenario.clickModel().create();
        this.users = users;
        this.intents = intents;
        this.writer = new QueryWriter(scenario.noise());
        this.seed = seed;
    }

    @Override
    public List<String> arms() {
        return offered;
    }

    @Override
    public List<String> featureNames() {
        return io.ltrr.engine.context.ContextFeatures.NAMES;
    }

    @Override
    public SelectionBudget budget() {
        return budget;
    }

    public UserPopulation users() {
        return users;
    }

    /** The engine the rounds run through (its arms include {@code rewrite} when the world offers it). */
    RoundEngine engine() {
        return engine;
    }

    /** The retries of this world's users. */
    SessionRetries retries() {
        return retries;
    }

    /**
     * The drawn traffic of round t, without running it: who searches, for what, typing what. A round that a retry
     * takes the place of plays that retry instead (see {@link SessionRetries}).
     */
    public Traffic traffic(long round) {
        SplittableRandom random = RandomStreams.of(seed, round, RandomStreams.TRAFFIC);
        SimulatedUser user = users.draw(random);
        SearchContext ctx = user.contextAt(random);
        IntentKind kind = (user.device() == Device.VOICE ? scenario.voiceMix() : scenario.screenMix()).draw(random);
        Intent intent = intents.draw(kind, user, random);
        return new Traffic(user, ctx, intent, writer.write(intent, random));
    }

    /** One round's traffic. */
    public record Traffic(SimulatedUser user, SearchContext context, Intent intent, SimulatedQuery query) {
    }

    @Override
    public RoundOutcome play(long round, SelectionPolicy policy) {
        Page page = show(round, policy, traffic -> ranker);
        Traffic traffic = page.traffic();
        Round r = page.round();
        List<String> seen = page.seen();
        int[] clickedAt = page.clickedAt();
        Map<String, Integer> grades = traffic.intent().grades();
        String query = traffic.query().text();
        int depth = depth(traffic);

        RetrievalRequest request = new RetrievalRequest(query, r.analysis(), engineSeed ^ r.selection().round());
        double[] expected = new double[offered.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = clicks.clickProbability(ownList(offered.get(i), r, request, depth), grades);
        }

        Map<String, Double> rewards = new LinkedHashMap<>();
        for (String arm : r.selection().chosen()) {
            rewards.put(arm, holdsAny(r.lists().get(arm), seen, clickedAt) ? 1.0 : 0.0);
        }
        observe(r, seen, clickedAt);
        if (ranker instanceof ClickTrainedRanker learner) {
            learner.learn(round, r.analysis().normalized(), seen, clickedAt);
        }
        retries.played(round, traffic, r.analysis().normalized(), clickedAt.length > 0);
        double ndcg = Metrics.ndcgAt(page.ranked(), grades, 10);
        List<String> clickedItems = new ArrayList<>(clickedAt.length);
        for (int k : clickedAt) {
            clickedItems.add(seen.get(k));
        }
        return new RoundOutcome(round, traffic.user().id(), traffic.intent().label(), query, r.x(), offered, expected,
                r.selection(), rewards, clickedAt.length > 0, ndcg, seen, clickedItems,
                clicks.clickProbability(seen, grades));
    }

    /**
     * Round t's traffic searched through the engine with the ranker {@code rankerFor} gives for it, and the user's
     * clicks on what they see: the first half of {@link #play}. The click memory and the retries have not seen it
     * yet ({@link #settle}).
     */
    Page show(long round, SelectionPolicy policy, Function<Traffic, Ranker> rankerFor) {
        Traffic traffic = retries.retryAt(round).orElseGet(() -> traffic(round));
        Round r = engine.run(traffic.query().text(), traffic.context(), policy, offered, budget,
                rankerFor.apply(traffic), scenario.shown());
        List<String> ranked = new ArrayList<>(r.results().size());
        for (RankedItem item : r.results()) {
            ranked.add(item.itemId());
        }
        List<String> seen = ranked.subList(0, Math.min(depth(traffic), ranked.size()));
        int[] clickedAt = clicks.sample(seen, traffic.intent().grades(), new ClickCoins(seed, round));
        return new Page(traffic, r, ranked, seen, clickedAt);
    }

    /** What a shown page leaves behind, as {@link #play} does: the click memory learns it, a failed search may be retried. */
    void settle(long round, Page page) {
        observe(page.round(), page.seen(), page.clickedAt());
        retries.played(round, page.traffic(), page.round().analysis().normalized(), page.clickedAt().length > 0);
    }

    /** How deep the user looks: a voice user hears the top few, a screen user sees the page. */
    private int depth(Traffic traffic) {
        return traffic.context().device() == Device.VOICE ? scenario.voiceDepth() : scenario.shown();
    }

    /**
     * One round's shown page.
     *
     * @param ranked    the page, best first
     * @param seen      what the user saw of it (cut to the device's depth)
     * @param clickedAt the 0-based positions of {@code seen} clicked
     */
    record Page(Traffic traffic, Round round, List<String> ranked, List<String> seen, int[] clickedAt) {
    }

    /** Arm a's own top {@code depth} for this request: its list of the round when deep enough, else retrieved. */
    private List<String> ownList(String arm, Round r, RetrievalRequest request, int depth) {
        CandidateList list = r.lists().get(arm);
        Integer k = r.selection().candidates().get(arm);
        if (list == null || k < depth) {
            RetrievalStrategy strategy = engine.arms().get(arm);
            list = strategy.retrieve(request, depth);
        }
        List<String> ids = new ArrayList<>(Math.min(depth, list.size()));
        for (Candidate c : list.candidates()) {
            if (ids.size() == depth) {
                break;
            }
            ids.add(c.itemId());
        }
        return ids;
    }

    static boolean holdsAny(CandidateList list, List<String> seen, int[] clickedAt) {
        for (int k : clickedAt) {
            String id = seen.get(k);
            for (Candidate c : list.candidates()) {
                if (c.itemId().equals(id)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void observe(Round r, List<String> seen, int[] clickedAt) {
        Map<String, Integer> impressions = new HashMap<>();
        seen.forEach(id -> impressions.put(id, 1));
        Map<String, Integer> clicked = new HashMap<>();
        for (int k : clickedAt) {
            clicked.put(seen.get(k), 1);
        }
        memory.observe(r.analysis().normalized(), impressions, clicked);
    }
}
