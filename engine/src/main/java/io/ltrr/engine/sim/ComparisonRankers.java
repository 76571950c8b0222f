package io.ltrr.engine.sim;

import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.rank.RrfRanker;
import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Rankers whose quality is known by construction, for validating online comparisons in simulation: {@code oracle}
 * orders a round's candidates by their true relevance grade for the user's intent (the simulator's truth; ties in
 * RRF's order), {@code rrf} is the workbench's baseline, {@code random} a seeded shuffle of the candidates. On the
 * same candidates oracle ≥ rrf ≥ random in nDCG, the simulator's own measure of a page (the validation reports it).
 */
public final class ComparisonRankers {
    public static final String ORACLE = "oracle";
    public static final String RANDOM = "random";
    /** Ids, best first. */
    public static final List<String> IDS = List.of(ORACLE, RrfRanker.ID, RANDOM);

    private static final RrfRanker RRF = new RrfRanker();

    private ComparisonRankers() {
    }

    /** Fails early for an unknown id. */
    public static String requireKnown(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("unknown comparison ranker '" + id + "'; known: " + IDS);
        }
        return id;
    }

    /**
     * The ranker of one round.
     *
     * @param grades the round's true grades (the oracle reads them)
     * @param random the round's own stream (the shuffle draws from it)
     */
    static Ranker create(String id, Map<String, Integer> grades, RandomGenerator random) {
        return switch (requireKnown(id)) {
            case ORACLE -> new Reordered(ORACLE, (input, n) -> {
                List<RankedItem> order = new ArrayList<>(RRF.rank(input, input.union().size()));
                order.sort(Comparator.comparingInt((RankedItem r) -> -grades.getOrDefault(r.itemId(), 0)));
                return order;
            }, r -> String.format(Locale.ROOT, "true grade %d for the intent", grades.getOrDefault(r.itemId(), 0)));
            case RANDOM -> new Reordered(RANDOM, (input, n) -> {
                List<RankedItem> order = new ArrayList<>(RRF.rank(input, input.union().size()));
                for (int i = order.size() - 1; i > 0; i--) {
                    java.util.Collections.swap(order, i, random.nextInt(i + 1));
                }
                return order;
            }, r -> "a random place");
            default -> RRF;
        };
    }

    /** A ranker that reorders RRF's ranking of the union; scores fall by one per place. */
    private record Reordered(String id, Order order, java.util.function.Function<RankedItem, String> why)
            implements Ranker {
        @Override
        public List<RankedItem> rank(RankingInput input, int n) {
            List<RankedItem> ordered = order.apply(input, n);
            List<RankedItem> out = new ArrayList<>(Math.min(n, ordered.size()));
            for (RankedItem r : ordered.subList(0, Math.min(n, ordered.size()))) {
                double score = ordered.size() - out.size();
                out.add(new RankedItem(r.itemId(), out.size() + 1, score, r.provenance(),
                        new ScoreExplanation(score, id + ": " + why.apply(r), List.of(r.explanation()))));
            }
            return out;
        }
    }

    /** The whole union in a ranker's order. */
    @FunctionalInterface
    private interface Order {
        List<RankedItem> apply(RankingInput input, int n);
    }
}
