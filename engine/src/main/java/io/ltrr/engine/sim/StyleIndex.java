package io.ltrr.engine.sim;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.catalog.ItemType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Items of each frequent style, most popular first (ties by id), for topical intents. */
final class StyleIndex {
    private final Map<String, List<Item>> byStyle = new HashMap<>();

    StyleIndex(List<Item> items, List<String> styles) {
        Set<String> wanted = new HashSet<>(styles);
        for (Item item : items) {
            for (String s : item.styles()) {
                if (wanted.contains(s)) {
                    byStyle.computeIfAbsent(s, k -> new ArrayList<>()).add(item);
                }
            }
        }
        byStyle.values().forEach(list -> list.sort((a, b) -> a.popularity() != b.popularity()
                ? Double.compare(b.popularity(), a.popularity()) : a.id().compareTo(b.id())));
    }

    /** The decade (1990, 2000, …) of a random dated item of the style, or 0 when none is dated. */
    int decadeOf(String style, RandomGenerator random) {
        List<Item> items = byStyle.getOrDefault(style, List.of());
        if (items.isEmpty()) {
            return 0;
        }
        int year = items.get(random.nextInt(items.size())).year();
        return year > 0 ? year / 10 * 10 : 0;
    }

    /**
     * Grades for a topical intent: the style's station 3; the {@code depth} most popular other items of the style
     * (and decade, when given) 1, 2 or 3 as their popularity passes 0.5 and 0.8.
     */
    Map<String, Integer> topical(String style, int decade, int depth) {
        Map<String, Integer> grades = new LinkedHashMap<>();
        int n = 0;
        for (Item item : byStyle.getOrDefault(style, List.of())) {
            if (item.type() == ItemType.STATION) {
                grades.put(item.id(), decade == 0 ? 3 : 2);
            } else if (n < depth && (decade == 0 || item.year() / 10 * 10 == decade)) {
                grades.put(item.id(), 1 + (item.popularity() >= 0.5 ? 1 : 0) + (item.popularity() >= 0.8 ? 1 : 0));
                n++;
            }
        }
        return grades;
    }
}
