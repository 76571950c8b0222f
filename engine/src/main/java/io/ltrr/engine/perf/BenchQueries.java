package io.ltrr.engine.perf;

import io.ltrr.engine.catalog.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Realistic benchmark queries drawn from a catalog. */
public final class BenchQueries {
    private BenchQueries() {
    }

    /**
     * A seeded sample of {@code n} queries: titles, artist names, "artist title", style phrases, each a random
     * catalog item's; the same items and seed give the same queries.
     */
    public static List<String> sample(List<Item> items, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(n);
        while (out.size() < n && !items.isEmpty()) {
            Item item = items.get(random.nextInt(items.size()));
            String q = switch (random.nextInt(4)) {
                case 0 -> item.title();
                case 1 -> item.artist();
                case 2 -> (item.artist() + " " + item.title()).trim();
                default -> item.styles().isEmpty() ? item.title() : item.styles().get(random.nextInt(item.styles().size()));
            };
            if (!q.isBlank()) {
                out.add(q);
            }
        }
        return out;
    }
}
