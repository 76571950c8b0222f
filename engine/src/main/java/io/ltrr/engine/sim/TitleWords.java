package io.ltrr.engine.sim;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.catalog.ItemType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Common title words, for ambiguous intents: word → the tracks and albums whose title has it, and per frequent
 * style the words its titles use most ("love", "night", "dream").
 */
final class TitleWords {
    /** Words per style offered for ambiguous queries. */
    static final int PER_STYLE = 8;
    /** A word must appear in this many titles of the style to be common there. */
    static final int MIN_COUNT = 3;
    private static final Set<String> STOP = Set.of("the", "and", "for", "you", "your", "with", "from", "that", "this",
            "not", "are", "all", "feat", "remix", "mix", "original", "version", "edit", "live", "part", "intro",
            "outro", "untitled", "track", "les", "des", "del", "los", "las", "der", "die", "das", "und", "une",
            "con", "por", "what", "when", "who", "how", "out", "one", "two", "dub", "rmx", "vip", "ext", "instrumental");

    private final Map<String, List<Item>> byWord = new HashMap<>();
    private final Map<String, List<String>> commonByStyle = new HashMap<>();

    TitleWords(List<Item> items, List<String> styles) {
        Set<String> wanted = new HashSet<>(styles);
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Item item : items) {
            if (item.type() != ItemType.TRACK && item.type() != ItemType.ALBUM) {
                continue;
            }
            for (String w : words(item.title())) {
                byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(item);
                for (String s : item.styles()) {
                    if (wanted.contains(s) && !s.toLowerCase(Locale.ROOT).contains(w)) {
                        counts.computeIfAbsent(s, k -> new HashMap<>()).merge(w, 1, Integer::sum);
                    }
                }
            }
        }
        counts.forEach((style, c) -> commonByStyle.put(style, c.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_COUNT)
                .sorted((a, b) -> !a.getValue().equals(b.getValue()) ? Integer.compare(b.getValue(), a.getValue())
                        : a.getKey().compareTo(b.getKey()))
                .limit(PER_STYLE).map(Map.Entry::getKey).toList()));
    }

    /** The distinct words of a title worth a query: letters only, at least 3 long, no stop words. */
    static Set<String> words(String title) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() >= 3 && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    List<String> commonWords(String style) {
        return commonByStyle.getOrDefault(style, List.of());
    }

    /** Items with the word in their title and a style of the profile: 2, or 3 when popular (≥ 0.5). */
    Map<String, Integer> relevant(String word, List<String> profile) {
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (Item item : byWord.getOrDefault(word, List.of())) {
            if (item.styles().stream().anyMatch(profile::contains)) {
                grades.put(item.id(), item.popularity() >= 0.5 ? 3 : 2);
            }
        }
        return grades;
    }
}
