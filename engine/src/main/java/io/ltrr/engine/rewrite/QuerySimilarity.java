package io.ltrr.engine.rewrite;

import io.ltrr.engine.qu.BoundedEditDistance;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The measures that decide whether two normalized queries are related. Stateless. */
public final class QuerySimilarity {
    /** Shortest unfinished word that counts as the start of a longer one ("po" is too little to tell). */
    static final int MIN_PREFIX = 3;

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
     * Optimal-string-alignment distance of the two texts divided by the longer one's length: 0 for equal texts, 1
     * for nothing in common. "tayler swift" → "taylor swift" is 1/12; a swap of two neighbouring letters
     * ("tyalor" → "taylor") counts as one edit, as people make it, not two.
     */
    public static double normalizedEditDistance(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 0 : (double) BoundedEditDistance.distance(a, b) / longer;
    }

    /** Whether every token of one query occurs in the other (and neither is empty). */
    public static boolean oneContainsTheOther(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return new HashSet<>(a).containsAll(b) || new HashSet<>(b).containsAll(a);
    }

    /**
     * Whether {@code from} is {@code to} typed only part of the way: its words but the last are {@code to}'s first
     * words, and its last word (at least {@value #MIN_PREFIX} letters) is the start of {@code to}'s next word
     * ("massive att" → "massive attack", "portis" → "portishead live"). A query cut short is a typical failed search
     * whose finished form is the rewrite; an edit distance misses it when the missing part is long.
     */
    public static boolean unfinishedPrefix(List<String> from, List<String> to) {
        int n = from.size();
        if (n == 0 || n > to.size()) {
            return false;
        }
        for (int i = 0; i < n - 1; i++) {
            if (!from.get(i).equals(to.get(i))) {
                return false;
            }
        }
        String last = from.get(n - 1);
        String word = to.get(n - 1);
        return last.length() >= MIN_PREFIX && word.length() > last.length() && word.startsWith(last);
    }

    /** Cosine similarity of two vectors of the same length; 0 when either is all zeros. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
