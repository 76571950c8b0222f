package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.perf.StoreWriteBench;
import io.ltrr.engine.store.FeedbackStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Write throughput of the H2 store on this machine, one call at a time (not a test: speed is measured, never
 * asserted). Writes impressions shaped like real rounds ({@link StoreWriteBench#impression}: 3 chosen arms of 4,
 * 20 shown items with 1–2 provenance hits each), then clicks on them, each call its own committed transaction,
 * after a warm-up of the same work. {@code ltrr bench --store-writes} measures whole searches with several
 * writers, on H2 or PostgreSQL.
 *
 * <p>Usage: {@code java -cp <test classpath> io.ltrr.engine.store.jdbc.FeedbackStoreBench [rounds]}
 */
public final class FeedbackStoreBench {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static final int SHOWN = 20;

    private FeedbackStoreBench() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        run(Files.createTempDirectory("ltrr-bench-warmup"), rounds / 5, false);
        run(Files.createTempDirectory("ltrr-bench"), rounds, true);
    }

    private static void run(Path dir, int rounds, boolean report) {
        SplittableRandom random = new SplittableRandom(42);
        try (FeedbackStore store = H2FeedbackStore.open(dir)) {
            List<String> ids = new ArrayList<>(rounds);
            long start = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < rounds; i++) {
                String id = store.searchLog().newSearchId();
                store.searchLog().recordImpression(StoreWriteBench.impression(id,
                        Instant.ofEpochSecond(1_740_000_000L + i), i, "bench", SHOWN));
                ids.add(id);
            }
            long impressionsNanos = System.nanoTime() - start;
            long impressionsCpu = CPU.getCurrentThreadCpuTime() - cpu;
            start = System.nanoTime();
            cpu = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < rounds; i++) {
                store.feedbackLog().recordClick(ids.get(i), StoreWriteBench.itemId(i, 1 + random.nextInt(SHOWN)),
                        Fixtures.T0.plusSeconds(1));
            }
            long clickNanos = System.nanoTime() - start;
            long clickCpu = CPU.getCurrentThreadCpuTime() - cpu;
            if (report) {
                System.out.printf("impressions: %,d in %d ms = %,.0f/s, %.2f ms each, CPU %d ms (20 shown items, 4 offered arms each)%n",
                        rounds, impressionsNanos / 1_000_000, rounds / (impressionsNanos / 1e9),
                        impressionsNanos / 1e6 / rounds, impressionsCpu / 1_000_000);
                System.out.printf("clicks:      %,d in %d ms = %,.0f/s, %.2f ms each, CPU %d ms (with 3 arm rewards each)%n",
                        rounds, clickNanos / 1_000_000, rounds / (clickNanos / 1e9), clickNanos / 1e6 / rounds,
                        clickCpu / 1_000_000);
                System.out.printf("file: %,d bytes before close%n", fileSize(dir));
            }
        }
        if (report) {
            System.out.printf("file: %,d bytes after close%n", fileSize(dir));
        }
    }

    private static long fileSize(Path dir) {
        try {
            return Files.size(dir.resolve("feedback.mv.db"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
