package io.ltrr.engine.perf;

import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.ShownItem;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.jdbc.PostgresFeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The write rate of a data folder's feedback store (a benchmark, never a test): W writers, each its own store with
 * its own connection as separate workbenches would have, write searches shaped like the live search's (an
 * impression of {@value #SHOWN} shown items from three chosen arms of four offered, its id reserved and the row
 * written in one transaction) and click one shown item of {@value #CLICK_PERCENT} % of them (a transaction of its
 * own, as a click comes later). Every writer first writes its warm-up searches untimed; then all start together and
 * the wall time until the last one finishes gives the rates.
 *
 * <p>On the folder's own H2 store there is one writer (H2 is locked to one process). On a shared PostgreSQL store
 * the writers open the database directly, without the folder's lock. The searches stay in the log (user
 * {@code bench-N}, policy {@value #POLICY}), so a store that already holds searches is refused unless asked.
 */
public final class StoreWriteBench {
    /** Items shown per search. */
    public static final int SHOWN = 10;
    /** Percentage of searches that get a click. */
    public static final int CLICK_PERCENT = 30;
    /** The policy id of the bench's selections: no policy of the registry learns from them. */
    public static final String POLICY = "bench";

    private static final List<String> QUERIES = List.of("love song", "night drive", "quiet morning piano",
            "trip hop", "jazz for rain", "summer road trip", "ambient focus", "orange");
    private static final List<String> FEATURES = List.of("bias", "query_length", "hour_sin", "device_voice");
    private static final Map<String, Integer> CANDIDATES = new LinkedHashMap<>();
    private static final Map<String, Double> PROPENSITY = new LinkedHashMap<>();
    private static final Map<String, ArmDiagnostics> DIAGNOSTICS = new LinkedHashMap<>();

    static {
        CANDIDATES.put("bm25", 50);
        CANDIDATES.put("dense", 30);
        CANDIDATES.put("popular", 20);
        PROPENSITY.put("bm25", 0.9);
        PROPENSITY.put("dense", 0.55);
        PROPENSITY.put("popular", 0.3);
        PROPENSITY.put("explore", 0.05);
        DIAGNOSTICS.put("bm25", new ArmDiagnostics(0.62, 0.08, 0.71, 40));
        DIAGNOSTICS.put("dense", new ArmDiagnostics(0.48, 0.12, 0.66, 25));
        DIAGNOSTICS.put("popular", new ArmDiagnostics(0.31, 0.2, 0.52, 9));
        DIAGNOSTICS.put("explore", new ArmDiagnostics(0.0, 1.0, 0.1, 0));
    }

    private StoreWriteBench() {
    }

    /**
     * What to run.
     *
     * @param writers          stores writing at once (1 on H2)
     * @param searches         timed searches per writer
     * @param warmup           untimed searches per writer first
     * @param seed             seed of the clicks (which searches, which items)
     * @param intoExistingLog  write also into a store that already holds searches
     */
    public record Options(int writers, int searches, int warmup, long seed, boolean intoExistingLog) {
        /** Writers on PostgreSQL when none are asked for. */
        public static final int DEFAULT_SHARED_WRITERS = 4;

        /**
         * The options for a store: {@code writers} null means {@value #DEFAULT_SHARED_WRITERS} on PostgreSQL, one on
         * H2.
         *
         * @throws IllegalArgumentException for several writers on H2, or a value out of range
         */
        public static Options forStore(StoreChoice choice, Integer writers, int searches, int warmup, long seed,
                                       boolean intoExistingLog) {
            int w = writers != null ? writers : choice.isPostgresql() ? DEFAULT_SHARED_WRITERS : 1;
            requireOneWriterOnH2(choice, w);
            return new Options(w, searches, warmup, seed, intoExistingLog);
        }

        public Options {
            if (writers < 1 || writers > 256) {
                throw new IllegalArgumentException("--writers must be between 1 and 256, was " + writers);
            }
            if (searches < 1) {
                throw new IllegalArgumentException("--searches must be >= 1, was " + searches);
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("--warmup must be >= 0, was " + warmup);
            }
        }
    }

    /**
     * The figures of one run.
     *
     * @param store       {@code h2} or {@code postgresql}
     * @param searches    timed searches, all writers
     * @param clicks      timed clicks, all writers
     * @param seconds     wall time of the timed part
     * @param searchWrite one search's write transaction (reserve the id, write the impression)
     * @param clickWrite  one click's write transaction
     */
    public record Result(String store, Options options, long searches, long clicks, double seconds,
                         Latency searchWrite, Latency clickWrite) {
        public double searchesPerSecond() {
            return searches / seconds;
        }

        /** Searches and clicks written per second. */
        public double eventsPerSecond() {
            return (searches + clicks) / seconds;
        }
    }

    /** Quantiles and mean of one kind of write transaction, in milliseconds (zeros when there was none). */
    public record Latency(int count, double p50Ms, double p99Ms, double meanMs) {
        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(sorted.length, SearchBenchmark.quantile(sorted, 0.50) / 1e6,
                    SearchBenchmark.quantile(sorted, 0.99) / 1e6, Arrays.stream(sorted).average().orElse(0) / 1e6);
        }
    }

    /**
     * Runs the bench on the store a data folder's choice names.
     *
     * @throws IllegalArgumentException for several writers on H2
     * @throws IllegalStateException    when the store holds searches and {@link Options#intoExistingLog} is not set
     */
    public static Result run(Path dataDir, StoreChoice choice, Options options) {
        requireOneWriterOnH2(choice, options.writers());
        List<FeedbackStore> stores = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.writers(),
                Thread.ofPlatform().name("store-bench-writer-", 1).daemon(true).factory());
        try {
            for (int w = 0; w < options.writers(); w++) {
                stores.add(choice.isPostgresql()
                        ? PostgresFeedbackStore.open(choice.url(), choice.user(), choice.password(),
                                FeedbackStoreConfig.defaults())
                        : H2FeedbackStore.open(dataDir));
            }
            long existing = stores.getFirst().searchLog().count();
            if (existing > 0 && !options.intoExistingLog()) {
                throw new IllegalStateException("the store (" + choice.describe() + ") already holds " + existing
                        + " searches, and the bench's searches would stay in its log; run it on a scratch data folder "
                        + "or database, or give --into-existing-log");
            }
            SplittableRandom root = new SplittableRandom(options.seed());
            List<BenchWriter> writers = new ArrayList<>();
            for (int w = 0; w < options.writers(); w++) {
                writers.add(new BenchWriter(stores.get(w), "bench-" + (w + 1), root.split(), Clock.systemUTC()));
            }
            all(pool, writers.stream().<Callable<long[][]>>map(wr -> () -> wr.write(options.warmup())).toList());
            long start = System.nanoTime();
            List<long[][]> timed = all(pool,
                    writers.stream().<Callable<long[][]>>map(wr -> () -> wr.write(options.searches())).toList());
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] searchNanos = timed.stream().flatMapToLong(t -> Arrays.stream(t[0])).toArray();
            long[] clickNanos = timed.stream().flatMapToLong(t -> Arrays.stream(t[1])).toArray();
            return new Result(choice.kind(), options, searchNanos.length, clickNanos.length, seconds,
                    Latency.of(searchNanos), Latency.of(clickNanos));
        } finally {
            pool.shutdownNow();
            stores.forEach(FeedbackStore::close);
        }
    }

    private static void requireOneWriterOnH2(StoreChoice choice, int writers) {
        if (!choice.isPostgresql() && writers != 1) {
            throw new IllegalArgumentException("--writers: the data folder's own H2 store is locked to one process, "
                    + "so it has one writer; several writers need a shared PostgreSQL store (--store "
                    + "postgresql://HOST:PORT/DB)");
        }
    }

    /**
     * A search as the live search logs it: three chosen arms of four offered, the shown items each held by one or
     * two of the chosen arms, the context a screen search carries.
     *
     * @param round the policy's round (also picks the query and the items)
     * @param shown items shown, at most 1000
     */
    public static Impression impression(String searchId, Instant at, long round, String userId, int shown) {
        if (shown < 1 || shown > 1000) {
            throw new IllegalArgumentException("shown must be between 1 and 1000, was " + shown);
        }
        String query = QUERIES.get(queryOf(round));
        List<ShownItem> items = new ArrayList<>(shown);
        for (int p = 1; p <= shown; p++) {
            Map<String, ArmHit> provenance = new LinkedHashMap<>();
            if (p % 3 == 0) {
                provenance.put("bm25", new ArmHit(p, 10.0 / p));
                provenance.put("dense", new ArmHit(p + 1, 0.9 / p));
            } else {
                provenance.put(p % 3 == 1 ? "bm25" : "popular", new ArmHit(p, 5.0 / p));
            }
            items.add(new ShownItem(p, itemId(round, p), shown + 1.0 - p, provenance));
        }
        Selection selection = new Selection(POLICY, round, List.of("bm25", "dense", "popular"), CANDIDATES,
                PROPENSITY, DIAGNOSTICS);
        ContextVector x = new ContextVector(FEATURES,
                new double[] {1.0, query.split(" ").length, 0.7071067811865476, 0.0});
        return new Impression(searchId, at, userId, userId, query, query.toLowerCase(Locale.ROOT),
                Map.of("device", "screen", "hour", "10", "locale", "en-GB"), x, selection, items);
    }

    private static int queryOf(long round) {
        return (int) Math.floorMod(round, (long) QUERIES.size());
    }

    /** The item {@link #impression} shows at a position (from 1) in a round: each query its own items. */
    public static String itemId(long round, int position) {
        return "item-" + (queryOf(round) * 1000 + position);
    }

    /** One workbench's writes: its store, its user, its random clicks. */
    private static final class BenchWriter {
        private final FeedbackStore store;
        private final String user;
        private final SplittableRandom random;
        private final Clock clock;
        private long round;

        BenchWriter(FeedbackStore store, String user, SplittableRandom random, Clock clock) {
            this.store = store;
            this.user = user;
            this.random = random;
            this.clock = clock;
        }

        /** Writes n searches and their clicks; returns the nanoseconds of each search's and each click's write. */
        long[][] write(int n) {
            long[] searches = new long[n];
            long[] clicks = new long[n];
            int clicked = 0;
            for (int i = 0; i < n; i++) {
                long r = round++;
                long t0 = System.nanoTime();
                String id = store.inTransaction(() -> {
                    String searchId = store.searchLog().newSearchId();
                    store.searchLog().recordImpression(impression(searchId, clock.instant(), r, user, SHOWN));
                    return searchId;
                });
                searches[i] = System.nanoTime() - t0;
                if (random.nextInt(100) < CLICK_PERCENT) {
                    String item = itemId(r, 1 + random.nextInt(SHOWN));
                    long t1 = System.nanoTime();
                    store.feedbackLog().recordClick(id, item, clock.instant());
                    clicks[clicked++] = System.nanoTime() - t1;
                }
            }
            return new long[][] {searches, Arrays.copyOf(clicks, clicked)};
        }
    }

    /** Runs the tasks on the pool and waits for all; the first failure is rethrown as it was. */
    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) {
        List<T> out = new ArrayList<>();
        try {
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the store bench ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }
}
