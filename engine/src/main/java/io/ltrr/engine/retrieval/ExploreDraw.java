package io.ltrr.engine.retrieval;

import io.ltrr.engine.index.IndexFields;
import io.ltrr.engine.index.Keywords;
import io.ltrr.engine.qu.Slot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every backend's {@code explore} arm shares: the topic of a query (the most frequent style keys of its best
 * lexical matches, failing those their genre keys, plus the styles and genres query understanding read), the
 * weight of an item in the draw, and the draw's seed. Tags are {@code field:key} strings.
 */
public final class ExploreDraw {
    /** The query's best lexical matches that define its topic (and are not exploration themselves). */
    public static final int SEED_HITS = 20;
    /** Tags kept in a topic. */
    public static final int TOPIC_TAGS = 5;

    private ExploreDraw() {
    }

    /**
     * The topic: the style tags' counts over the seed matches (the genre tags' when there is no style), most frequent
     * first (ties by name), at most {@value #TOPIC_TAGS}; then the top reading's style and genre slots.
     */
    public static Map<String, Integer> topic(Map<String, Integer> styleCounts, Map<String, Integer> genreCounts,
                                             RetrievalRequest request) {
        Map<String, Integer> counts = styleCounts.isEmpty() ? genreCounts : styleCounts;
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() != a.getValue().intValue()
                        ? Integer.compare(b.getValue(), a.getValue()) : a.getKey().compareTo(b.getKey()))
                .limit(TOPIC_TAGS)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        if (request.analysis() != null && !request.analysis().interpretations().isEmpty()) {
            for (Slot slot : request.analysis().interpretations().getFirst().slots()) {
                switch (slot.type()) {
                    case STYLE -> top.putIfAbsent(IndexFields.STYLE_KEY + ":" + Keywords.key(slot.value()), 1);
                    case GENRE -> top.putIfAbsent(IndexFields.GENRE_KEY + ":" + Keywords.key(slot.value()), 1);
                    default -> { }
                }
            }
        }
        return top;
    }

    /** An item's weight in the draw: {@code max(0.001, (1 − popularity) · (0.5 + 0.5 · recency))}. */
    public static double weight(double popularity, int year, int minYear, int maxYear) {
        return Math.max(1e-3, (1 - popularity) * (0.5 + 0.5 * recency(year, minYear, maxYear)));
    }

    /** Where the year lies between the catalog's first and last year, 0 to 1 (0 for an unknown year). */
    public static double recency(int year, int minYear, int maxYear) {
        if (year <= 0 || maxYear <= minYear) {
            return 0;
        }
        return Math.min(1, Math.max(0, (year - minYear) / (double) (maxYear - minYear)));
    }

    /** The draw's seed: the round's seed mixed with the query. */
    public static long seed(RetrievalRequest request) {
        return request.seed() * 0x9E3779B97F4A7C15L ^ request.query().hashCode();
    }

    /** The explanation of an item's draw weight. */
    public static ScoreExplanation explain(double popularity, int year, int minYear, int maxYear) {
        return new ScoreExplanation(weight(popularity, year, minYear, maxYear),
                "exploration weight (1 - popularity) * (0.5 + 0.5 * recency); drawn at random with it",
                java.util.List.of(ScoreExplanation.leaf(1 - popularity, "1 - popularity"),
                        ScoreExplanation.leaf(recency(year, minYear, maxYear), "recency of year " + year)));
    }
}
