package io.ltrr.engine.sim;

import io.ltrr.engine.catalog.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The catalog's most frequent styles with their item counts, drawn by frequency. Ties in frequency are broken
 * by name so the table does not depend on the catalog's order.
 */
public final class StyleTable {
    private final List<String> styles;
    private final double[] cumulative;

    public StyleTable(List<Item> items, int top) {
        Map<String, Integer> counts = new HashMap<>();
        for (Item item : items) {
            item.styles().forEach(s -> counts.merge(s, 1, Integer::sum));
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> !a.getValue().equals(b.getValue()) ? Integer.compare(b.getValue(), a.getValue())
                : a.getKey().compareTo(b.getKey()));
        List<Map.Entry<String, Integer>> kept = sorted.subList(0, Math.min(top, sorted.size()));
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("the catalog has no styles to simulate tastes and topics with");
        }
        this.styles = kept.stream().map(Map.Entry::getKey).toList();
        this.cumulative = new double[kept.size()];
        double total = 0;
        for (int i = 0; i < kept.size(); i++) {
            total += kept.get(i).getValue();
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
    }

    public List<String> styles() {
        return styles;
    }

    public int size() {
        return styles.size();
    }

    /** A style, by frequency. */
    public String draw(RandomGenerator random) {
        double u = random.nextDouble();
        int i = java.util.Arrays.binarySearch(cumulative, u);
        int at = i >= 0 ? i + 1 : -i - 1;
        return styles.get(Math.min(at, styles.size() - 1));
    }
}
