package io.ltrr.engine.qu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct tokens of all catalog phrases, with the lookups query matching needs: exact (hash),
 * fuzzy (a trigram index proposes candidates, {@link BoundedEditDistance} verifies them, so a query never
 * compares against every token) and prefix (binary search in the sorted tokens). Immutable, thread-safe.
 */
final class TokenVocabulary {

    /** A vocabulary token close to a query token. */
    record Candidate(int tokenId, double similarity, MatchKind kind) {
    }

    /** Similarity of a one-edit typo is scaled down so an exact reading of the same span wins. */
    static final double FUZZY_DISCOUNT = 0.9;
    /** Prefix matches are also discounted: the completion is a guess. */
    static final double PREFIX_DISCOUNT = 0.9;
    private static final int MAX_PREFIX_CANDIDATES = 16;
    private static final int MAX_PREFIX_SCAN = 4096;
    private static final int MAX_FUZZY_VERIFICATIONS = 256;

    /**
     * Per-thread counting arrays for the trigram filter: allocating and zeroing arrays the size of the
     * vocabulary for every query token cost more than the lookup itself. Only touched entries are reset.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        int[] shared = new int[0];
        int[] touched = new int[0];

        Scratch ensure(int size) {
            if (shared.length < size) {
                shared = new int[size];
                touched = new int[size];
            }
            return this;
        }
    }

    private final String[] tokens;
    private final int[] phraseFrequency;
    private final Map<String, Integer> ids;
    private final int[] sortedIds;
    private final Map<String, int[]> gramPostings;

    TokenVocabulary(List<String> tokens, int[] phraseFrequency) {
        this.tokens = tokens.toArray(String[]::new);
        this.phraseFrequency = phraseFrequency.clone();
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < this.tokens.length; i++) {
            ids.put(this.tokens[i], i);
        }
        Integer[] boxed = new Integer[this.tokens.length];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, Comparator.comparing(i -> this.tokens[i]));
        this.sortedIds = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        this.gramPostings = indexGrams(this.tokens);
    }

    private static Map<String, int[]> indexGrams(String[] tokens) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int id = 0; id < tokens.length; id++) {
            for (String g : grams(tokens[id])) {
                lists.computeIfAbsent(g, k -> new ArrayList<>()).add(id);
            }
        }
        Map<String, int[]> postings = new HashMap<>(lists.size() * 2);
        lists.forEach((g, l) -> postings.put(g, l.stream().mapToInt(Integer::intValue).toArray()));
        return postings;
    }

    /** The distinct padded trigrams of a token ("$ab", "abc", …, "yz$"). */
    private static List<String> grams(String token) {
        String padded = '$' + token + '$';
        List<String> out = new ArrayList<>(padded.length());
        for (int i = 0; i + 3 <= padded.length(); i++) {
            String g = padded.substring(i, i + 3);
            if (!out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    int size() {
        return tokens.length;
    }

    String token(int id) {
        return tokens[id];
    }

    /** The id of a token, or -1 when no phrase contains it. */
    int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** In how many phrases the token occurs (0 for an unknown token). */
    int phraseFrequency(String token) {
        int id = id(token);
        return id < 0 ? 0 : phraseFrequency[id];
    }

    /**
     * Tokens within the length-scaled edit bound of {@code query}, excluding an exact match. Candidates
     * are verified in decreasing order of shared trigrams and at most {@value #MAX_FUZZY_VERIFICATIONS}
     * of them: for a short or very common-looking word the trigram filter is loose, and the best-sharing
     * tokens are the ones within reach anyway.
     */
    List<Candidate> fuzzy(String query) {
        int max = BoundedEditDistance.maxEditsFor(query.length());
        if (max == 0) {
            return List.of();
        }
        List<String> qGrams = grams(query);
        // Each edit changes at most four padded trigrams (a transposition touches two characters).
        int needed = Math.max(1, qGrams.size() - 4 * max);
        Scratch scratch = SCRATCH.get().ensure(tokens.length);
        int[] shared = scratch.shared;
        int[] touched = scratch.touched;
        int touchedCount = 0;
        for (String g : qGrams) {
            int[] posting = gramPostings.get(g);
            if (posting != null) {
                for (int id : posting) {
                    if (Math.abs(tokens[id].length() - query.length()) <= max && shared[id]++ == 0) {
                        touched[touchedCount++] = id;
                    }
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        int verified = 0;
        for (int count = qGrams.size(); count >= needed && verified < MAX_FUZZY_VERIFICATIONS; count--) {
            for (int k = 0; k < touchedCount && verified < MAX_FUZZY_VERIFICATIONS; k++) {
                int id = touched[k];
                if (shared[id] == count) {
                    verified++;
                    int d = BoundedEditDistance.distance(query, tokens[id], max);
                    if (d > 0 && d <= max) {
                        out.add(new Candidate(id, fuzzySimilarity(query, tokens[id], d), MatchKind.FUZZY));
                    }
                }
            }
        }
        for (int k = 0; k < touchedCount; k++) {
            shared[touched[k]] = 0;
        }
        out.sort(Comparator.comparingInt(Candidate::tokenId));
        return out;
    }

    /** Tokens that {@code query} begins (excluding itself), the most frequent first, capped. */
    List<Candidate> prefix(String query) {
        int lo = lowerBound(query);
        List<Integer> hits = new ArrayList<>();
        for (int k = lo; k < sortedIds.length && k - lo < MAX_PREFIX_SCAN; k++) {
            String t = tokens[sortedIds[k]];
            if (!t.startsWith(query)) {
                break;
            }
            if (t.length() > query.length()) {
                hits.add(sortedIds[k]);
            }
        }
        return hits.stream()
                .sorted(Comparator.<Integer>comparingInt(id -> -phraseFrequency[id]).thenComparing(id -> tokens[id]))
                .limit(MAX_PREFIX_CANDIDATES)
                .map(id -> new Candidate(id, prefixSimilarity(query, tokens[id]), MatchKind.PREFIX))
                .toList();
    }

    private int lowerBound(String query) {
        int lo = 0;
        int hi = sortedIds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens[sortedIds[mid]].compareTo(query) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double fuzzySimilarity(String query, String token, int edits) {
        return FUZZY_DISCOUNT * (1.0 - (double) edits / Math.max(query.length(), token.length()));
    }

    static double prefixSimilarity(String query, String token) {
        return PREFIX_DISCOUNT * query.length() / token.length();
    }
}
