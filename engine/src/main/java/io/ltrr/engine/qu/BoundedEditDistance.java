package io.ltrr.engine.qu;

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
 * transpositions of two adjacent characters each cost 1; no substring is edited twice), computed only up to a
 * bound so that clearly different words are rejected after a row or two. The engine's one edit distance: query
 * understanding matches tokens with it, the rewrite arm compares whole queries.
 */
public final class BoundedEditDistance {

    private BoundedEditDistance() {
    }

    /** Edits allowed for a token of this length: none up to 3 characters, 1 up to 7, 2 beyond. */
    static int maxEditsFor(int length) {
        if (length < 4) {
            return 0;
        }
        return length < 8 ? 1 : 2;
    }

    /** The exact distance between {@code a} and {@code b} (it never exceeds the longer one's length). */
    public static int distance(String a, String b) {
        return distance(a, b, Math.max(a.length(), b.length()));
    }

    /**
     * A lower bound of the distance, without the table: every character of {@code a} that {@code b} lacks (or the
     * reverse) must be deleted, inserted or substituted, one edit each, and one substitution settles at most one of
     * each side. Characters are counted by their low six bits, so two may count as one: the bound only gets lower.
     */
    static int missingCharacters(String a, String b) {
        return missingCharacters(characters(a), characters(b));
    }

    /** The characters of a word as {@link #missingCharacters(String, String)} counts them (low six bits). */
    static long characters(String word) {
        long in = 0;
        for (int i = 0; i < word.length(); i++) {
            in |= 1L << word.charAt(i);
        }
        return in;
    }

    /** {@link #missingCharacters(String, String)} of two words' {@link #characters}. */
    static int missingCharacters(long inA, long inB) {
        return Math.max(Long.bitCount(inA & ~inB), Long.bitCount(inB & ~inA));
    }

    /** The distance between {@code a} and {@code b}, or {@code max + 1} when it exceeds {@code max}. */
    public static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max || missingCharacters(a, b) > max) {
            return max + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], max + 1);
    }
}
