package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.eval.Metrics;
import io.ltrr.engine.interleave.ImpressionOutcome;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.interleave.Team;
import io.ltrr.engine.interleave.TeamDraftRanker;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.rank.ExplorationSlots;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Team-draft interleaving of two {@link ComparisonRankers} on a music world, where the better ranker is known: each
 * round the world's traffic is searched through the engine, the page interleaves both rankers' rankings with the
 * round's coins, the simulated user clicks by the scenario's click model, the clicks credit the teams, and the
 * policy learns from the chosen arms' rewards as in {@link Simulator}. The run records when the sign test first
 * prefers a side; a pure function of the world's seed, the policy and the rounds.
 */
public final class InterleavingSimulation {
    private static final int PROGRESS_EVERY = 256;

    private InterleavingSimulation() {
    }

    /**
     * Plays up to {@code rounds} interleaved rounds.
     *
     * @param stopAtDetection end the run once the sign test prefers a side (the figure sought is when it does)
     */
    public static InterleavingRun run(CatalogWorld world, long seed, RankerPair rankers, SelectionPolicy policy,
                                      long rounds, boolean stopAtDetection, ProgressListener progress,
                                      CancellationToken cancel) {
        ComparisonRankers.requireKnown(rankers.a());
        ComparisonRankers.requireKnown(rankers.b());
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
        }
        InterleavingComparison c = InterleavingComparison.empty(rankers);
        long detectedAt = 0;
        Optional<Team> detected = Optional.empty();
        double ndcgA = 0;
        double ndcgB = 0;
        long clicked = 0;
        long played = 0;
        for (long t = 0; t < rounds; t++) {
            cancel.throwIfCancelled();
            long round = t;
            Recording[] sides = new Recording[2];
            TeamDraftRanker[] draft = new TeamDraftRanker[1];
            CatalogWorld.Page page = world.show(t, policy, traffic -> {
                Map<String, Integer> grades = traffic.intent().grades();
                // Each side shuffles from its own stream (random against random is two random rankers).
                SplittableRandom shuffles = RandomStreams.of(seed, round, RandomStreams.RANDOM_RANKER);
                sides[0] = new Recording(ComparisonRankers.create(rankers.a(), grades, shuffles.split()));
                sides[1] = new Recording(ComparisonRankers.create(rankers.b(), grades, shuffles.split()));
                draft[0] = new TeamDraftRanker(sides[0], sides[1],
                        RandomStreams.of(seed, round, RandomStreams.INTERLEAVING));
                return draft[0];
            });
            world.settle(t, page);
            learn(policy, page);
            Map<String, Integer> grades = page.traffic().intent().grades();
            int shown = page.ranked().size();
            ndcgA += Metrics.ndcgAt(alone(sides[0].last, shown), grades, 10);
            ndcgB += Metrics.ndcgAt(alone(sides[1].last, shown), grades, 10);
            Set<String> clickedItems = new HashSet<>();
            for (int k : page.clickedAt()) {
                clickedItems.add(page.seen().get(k));
            }
            clicked += clickedItems.isEmpty() ? 0 : 1;
            c = c.plus(ImpressionOutcome.credit(draft[0].teams(), clickedItems));
            played++;
            if (detected.isEmpty()) {
                detected = c.preferred(InterleavingComparison.ALPHA);
                detectedAt = detected.isPresent() ? c.impressions() : 0;
            }
            if (t == rounds - 1 || (t + 1) % PROGRESS_EVERY == 0) {
                progress.progress("interleaving", t + 1, rounds);
            }
            if (stopAtDetection && detected.isPresent()) {
                break;
            }
        }
        return new InterleavingRun(seed, c, detectedAt, detected, ndcgA / played, ndcgB / played,
                clicked / (double) played);
    }

    /** The policy learns as in {@link Simulator}: each chosen arm earns 1 when it held a clicked item. */
    private static void learn(SelectionPolicy policy, CatalogWorld.Page page) {
        Map<String, Double> rewards = new LinkedHashMap<>();
        for (String arm : page.round().selection().chosen()) {
            rewards.put(arm, CatalogWorld.holdsAny(page.round().lists().get(arm), page.seen(), page.clickedAt())
                    ? 1.0 : 0.0);
        }
        policy.update(page.round().x(), new java.util.LinkedHashSet<>(page.round().selection().chosen()), rewards);
    }

    /** The page a ranker would have shown alone (exploration slots laid out as the round's). */
    private static List<String> alone(List<RankedItem> ranked, int shown) {
        return ExplorationSlots.defaults().place(ranked, shown).stream().map(RankedItem::itemId).toList();
    }

    /**
     * Detection over seeds: how many runs detected the better side, how many the worse, and the median and range
     * of the impressions it took.
     *
     * @param runs        one run per seed
     * @param medianAt    the median impressions to detection over all runs (a run that never detected counts as
     *                    more than any), or 0 when the median run never detected
     * @param fewest      the fewest impressions any run took (0 when none detected)
     * @param most        the most impressions any detecting run took (0 when none detected)
     * @param detections  runs that detected a side
     * @param wrong       runs that detected the side the truth (nDCG) says is worse
     */
    public record Summary(List<InterleavingRun> runs, double medianAt, long fewest, long most, int detections,
                          int wrong) {
        public Summary {
            runs = List.copyOf(runs);
        }
    }

    /** The detection figures of runs over several seeds. */
    public static Summary summarize(List<InterleavingRun> runs) {
        List<Long> at = runs.stream().map(r -> r.detected().isPresent() ? r.detectedAt() : Long.MAX_VALUE)
                .sorted().toList();
        List<Long> detected = at.stream().filter(a -> a != Long.MAX_VALUE).toList();
        int n = at.size();
        double median = n == 0 ? 0 : n % 2 == 1 ? at.get(n / 2) : (at.get(n / 2 - 1) / 2.0 + at.get(n / 2) / 2.0);
        if (median >= Long.MAX_VALUE / 2.0) {
            median = 0;
        }
        int wrong = (int) runs.stream().filter(r -> r.detected().isPresent() && r.better().isPresent()
                && !r.detected().equals(r.better())).count();
        return new Summary(runs, median, detected.isEmpty() ? 0 : detected.getFirst(),
                detected.isEmpty() ? 0 : detected.getLast(), detected.size(), wrong);
    }

    /** Remembers what the ranker it wraps ranked last (the page it would have shown alone). */
    private static final class Recording implements Ranker {
        private final Ranker ranker;
        private List<RankedItem> last = List.of();

        Recording(Ranker ranker) {
            this.ranker = ranker;
        }

        @Override
        public String id() {
            return ranker.id();
        }

        @Override
        public List<RankedItem> rank(RankingInput input, int n) {
            last = ranker.rank(input, n);
            return last;
        }
    }
}
