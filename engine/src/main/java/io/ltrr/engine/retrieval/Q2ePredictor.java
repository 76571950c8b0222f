package io.ltrr.engine.retrieval;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.catalog.ItemType;
import io.ltrr.engine.qu.QueryNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start of the click memory: the queries people are likely to type for each item, generated from its
 * metadata, with a predicted click score. An item's own name predicts best ("artist title" 0.9, an album or
 * artist or station by its name 0.8, a track by its title 0.6); a track under its artist's name or its
 * album's name less (0.3); every prediction is scaled by (0.5 + 0.5·popularity) so popular items lead. At
 * most {@value #PER_QUERY} items are kept per query.
 */
public final class Q2ePredictor {
    /** Items remembered per predicted query. */
    public static final int PER_QUERY = 20;

    /** One predicted (query, item) pair. */
    public record Prediction(String normalizedQuery, String itemId, double score) {
    }

    private Q2ePredictor() {
    }

    public static List<Prediction> predict(List<Item> items) {
        QueryNormalizer normalizer = new QueryNormalizer();
        Map<String, Map<String, Double>> byQuery = new HashMap<>();
        for (Item item : items) {
            double pop = 0.5 + 0.5 * item.popularity();
            switch (item.type()) {
                case TRACK -> {
                    add(byQuery, normalizer, item.title(), item, 0.6 * pop);
                    add(byQuery, normalizer, item.artist() + " " + item.title(), item, 0.9 * pop);
                    add(byQuery, normalizer, item.artist(), item, 0.3 * pop);
                    add(byQuery, normalizer, item.album(), item, 0.3 * pop);
                }
                case ARTIST, ALBUM -> {
                    add(byQuery, normalizer, item.title(), item, 0.8 * pop);
                    if (item.type() == ItemType.ALBUM) {
                        add(byQuery, normalizer, item.artist() + " " + item.title(), item, 0.9 * pop);
                    }
                }
                case STATION -> {
                    add(byQuery, normalizer, item.title(), item, 0.8 * pop);
                    item.styles().forEach(s -> add(byQuery, normalizer, s, item, 0.7 * pop));
                }
                case DOCUMENT -> add(byQuery, normalizer, item.title(), item, 0.6 * pop);
            }
        }
        // by query (a sorted array: a million items' two million queries took 6 s in a tree map), each query's items
        // by score
        String[] queries = byQuery.keySet().toArray(String[]::new);
        Arrays.parallelSort(queries);
        List<Prediction> out = new ArrayList<>();
        for (String q : queries) {
            Map<String, Double> scores = byQuery.get(q);
            if (scores.size() == 1) { // most queries name one item
                scores.forEach((item, score) -> out.add(new Prediction(q, item, score)));
                continue;
            }
            scores.entrySet().stream()
                    .sorted((a, b) -> !a.getValue().equals(b.getValue()) ? Double.compare(b.getValue(), a.getValue())
                            : a.getKey().compareTo(b.getKey()))
                    .limit(PER_QUERY)
                    .forEach(e -> out.add(new Prediction(q, e.getKey(), e.getValue())));
        }
        return out;
    }

    private static void add(Map<String, Map<String, Double>> byQuery, QueryNormalizer normalizer, String text,
                            Item item, double score) {
        String q = normalizer.normalize(text).text();
        if (!q.isBlank()) {
            byQuery.computeIfAbsent(q, k -> new HashMap<>()).merge(item.id(), score, Math::max);
        }
    }
}
