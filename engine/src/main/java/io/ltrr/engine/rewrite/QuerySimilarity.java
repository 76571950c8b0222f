package io.ltrr.engine.rewrite;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The measures that decide whether two normalized queries are related. Stateless. */
public final class QuerySimilarity {
    private QuerySimilarity() {
    }

    /** |A ∩ B| / |A ∪ B| of the token sets; 0 when both are empty. */
    public static double jaccard(List<String> a, List<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(new HashSet<>(b));
        return (double) common.size() / union.size();
    }

    /**
     * Levenshtein distance of the two texts divided by the longer one's length: 0 for equal texts, 1 for
     * nothing in common. "tayler swift" → "taylor swift" is 1/12.
     */
    public static double normalizedEditDistance(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 0 : (double) levenshtein(a, b) / longer;
    }

    /** Whether every token of one query occurs in the other (and neither is empty). */
    public static boolean oneContainsTheOther(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return new HashSet<>(a).containsAll(b) || new HashSet<>(b).containsAll(a);
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
