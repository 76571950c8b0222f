package io.ltrr.engine.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

    private final Cache<Key, CandidateList> cache;
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
     * @param key    what decides the result besides the depth (the Lucene query, or the query's interpretations)
     * @param search the arm's search at a given depth
     */
    public CandidateList topK(Object key, int k, IntFunction<CandidateList> search) {
        requests.increment();
        int depth = depth(k);
        IntFunction<CandidateList> counted = d -> {
            searches.increment();
            return search.apply(d);
        };
        CandidateList full = cache == null ? counted.apply(depth)
                : cache.get(new Key(Objects.requireNonNull(key, "key"), depth), kk -> counted.apply(depth));
        return full.size() <= k ? full : new CandidateList(full.armId(), full.candidates().subList(0, k), full.note());
    }

    /** Requests answered and searches made so far. */
    public CacheStats stats() {
        return new CacheStats(requests.sum(), searches.sum());
    }

    private record Key(Object query, int depth) {
    }
}
