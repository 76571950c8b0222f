package io.ltrr.engine.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * The recent results of one exact arm (one whose top k is a function of its query and the index alone), so that a
 * query asked again is answered without searching: search engines keep such a cache because queries repeat
 * (in the music simulation a good third of the rounds repeat an earlier query). The index reader under an arm never
 * changes (a rebuilt index gets new arms), so an entry never goes stale.
 *
 * <p>Every search is made at {@link #depth(int) depth(k)} ≥ k and cut to k, whether the cache is on or off, so
 * the cache never changes what an arm returns: only whether it searches again. Depth rounds k up to 100 (then to the
 * next hundred): the candidate budget splits K = 100 over the chosen arms in proportions that change every round,
 * and one entry per query serves every split. Bounded by entries (Caffeine's W-TinyLFU eviction); capacity 0
 * turns the cache off.
 */
public final class ResultCache {
    /** Searches are made at least this deep. */
    static final int MIN_DEPTH = 100;

    private final Cache<Key, Entry> cache;
    private final LongAdder requests = new LongAdder();
    private final LongAdder searches = new LongAdder();

    public ResultCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("result cache capacity must be >= 0, was " + capacity);
        }
        this.cache = capacity == 0 ? null
                : Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    /** How deep a request for the top k searches. */
    static int depth(int k) {
        return k <= MIN_DEPTH ? MIN_DEPTH : (int) Math.min(Integer.MAX_VALUE, (k + 99L) / 100 * 100);
    }

    /**
     * The top k for {@code key}: from the cache, or from {@code search} at {@link #depth(int) depth(k)} (then kept).
     *
     * @param key    what decides the result besides the depth (the query text, or the query's interpretations)
     * @param search the arm's search at a given depth
     */
    public CandidateList topK(Object key, int k, IntFunction<CandidateList> search) {
        requests.increment();
        int depth = depth(k);
        if (cache == null) {
            searches.increment();
            return cut(search.apply(depth), k);
        }
        Entry kept = cache.get(new Key(Objects.requireNonNull(key, "key"), depth), kk -> {
            searches.increment();
            return Entry.of(search.apply(depth));
        });
        return kept.first(k);
    }

    private static CandidateList cut(CandidateList full, int k) {
        return full.size() <= k ? full : new CandidateList(full.armId(), full.candidates().subList(0, k), full.note());
    }

    /** Requests answered and searches made so far. */
    public CacheStats stats() {
        return new CacheStats(requests.sum(), searches.sum());
    }

    private record Key(Object query, int depth) {
    }

    /**
     * A kept list in columns (about 12 bytes a candidate besides the shared id strings, against 36 as
     * {@link Candidate}s): its candidates are made again for each answer.
     *
     * @param ranks null when the ranks are 1, 2, 3, … (as every arm's are)
     */
    private record Entry(String armId, String[] ids, int[] ranks, double[] scores, String note) {
        static Entry of(CandidateList list) {
            int n = list.size();
            String[] ids = new String[n];
            int[] ranks = new int[n];
            double[] scores = new double[n];
            boolean sequential = true;
            for (int i = 0; i < n; i++) {
                Candidate c = list.candidates().get(i);
                ids[i] = c.itemId();
                ranks[i] = c.rank();
                scores[i] = c.score();
                sequential &= c.rank() == i + 1;
            }
            return new Entry(list.armId(), ids, sequential ? null : ranks, scores, list.note());
        }

        CandidateList first(int k) {
            int n = Math.min(k, ids.length);
            Candidate[] out = new Candidate[n];
            for (int i = 0; i < n; i++) {
                out[i] = new Candidate(ids[i], ranks == null ? i + 1 : ranks[i], scores[i]);
            }
            return new CandidateList(armId, Arrays.asList(out), note);
        }
    }
}
