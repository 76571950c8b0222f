package io.ltrr.engine.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A query embedder that remembers the vectors of recent texts, keyed by the exact text: simulated users repeat their
 * queries (in a 5,000-round music simulation some 39 % of arm requests repeat one), and an embedding costs about
 * 1.6 ms. The model under it is loaded on the first miss.
 *
 * <p>The cache never changes a result: a text's vector is the model's, computed once, and every caller gets its own
 * copy of it (a caller may not change what the next caller reads). The embedding itself is a deterministic function
 * of the text, so a hit returns the same floats as a recomputation would ({@code CachingEmbedderTest} checks it).
 *
 * <p>Memory bound: at most {@code capacity} vectors of {@link #dimension()} floats, i.e. {@code capacity × dimension
 * × 4} bytes of vectors (10,000 × 384 × 4 = 15.4 MB for MiniLM at {@link #DEFAULT_CAPACITY}), plus the texts and
 * Caffeine's entries (W-TinyLFU eviction beyond the bound). Capacity 0 turns the cache off (every call embeds).
 */
public final class CachingEmbedder implements TextEmbedder {
    /** Texts kept by default: more than the distinct queries of a 10,000-round simulation's repeats need. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Supplier<TextEmbedder> model;
    private final int capacity;
    private final Cache<String, float[]> cache;
    private final LongAdder requests = new LongAdder();
    private final LongAdder embedded = new LongAdder();
    private volatile TextEmbedder loaded;

    /**
     * @param model    the model, asked for on the first text to embed (once)
     * @param capacity texts kept, 0 for no cache
     */
    public CachingEmbedder(Supplier<TextEmbedder> model, int capacity) {
        this.model = Objects.requireNonNull(model, "model");
        if (capacity < 0) {
            throw new IllegalArgumentException("embedding cache capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        this.cache = capacity == 0 ? null
                : Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    /** A cache of {@link #DEFAULT_CAPACITY} texts over the in-process MiniLM model, loaded on first use. */
    public static CachingEmbedder miniLm() {
        return new CachingEmbedder(MiniLmEmbedder::new, DEFAULT_CAPACITY);
    }

    private TextEmbedder model() {
        TextEmbedder m = loaded;
        if (m == null) {
            synchronized (this) {
                m = loaded;
                if (m == null) {
                    m = Objects.requireNonNull(model.get(), "the query embedding model");
                    loaded = m;
                }
            }
        }
        return m;
    }

    @Override
    public String modelId() {
        return model().modelId();
    }

    @Override
    public int dimension() {
        return model().dimension();
    }

    /** The upper bound of the vectors' memory: capacity × dimension × 4 bytes. */
    public long maxVectorBytes() {
        return (long) capacity * dimension() * Float.BYTES;
    }

    @Override
    public float[] embed(String text) {
        Objects.requireNonNull(text, "text");
        requests.increment();
        float[] v = cache == null ? compute(text) : cache.get(text, this::compute);
        return v.clone();
    }

    private float[] compute(String text) {
        embedded.increment();
        return model().embed(text);
    }

    /** Bulk embedding (indexing) bypasses the cache: documents do not repeat. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model().embedAll(texts);
    }

    /** Texts kept now (at most the capacity, once Caffeine's pending evictions ran). */
    public long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Texts asked for so far. */
    public long requests() {
        return requests.sum();
    }

    /** Texts the model embedded so far: fewer than {@link #requests()} as repeats are answered. */
    public long embedded() {
        return embedded.sum();
    }
}
