package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.ShownItem;

import io.ltrr.engine.rank.ArmHit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Write throughput of the store on this machine (not a test: speed is measured, never asserted). Writes
 * impressions shaped like real rounds (3 chosen arms of 4, 20 shown items with 1–2 provenance hits each),
 * then clicks on them, each call its own committed transaction, after a warm-up of the same work.
 *
 * <p>Usage: {@code java -cp <test classpath> io.ltrr.engine.store.jdbc.FeedbackStoreBench [rounds]}
 */
public final class FeedbackStoreBench {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

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
                store.searchLog().recordImpression(impression(id, i));
                ids.add(id);
            }
            long impressionsNanos = System.nanoTime() - start;
            long impressionsCpu = CPU.getCurrentThreadCpuTime() - cpu;
            start = System.nanoTime();
            cpu = CPU.getCurrentThreadCpuTime();
            for (String id : ids) {
                store.feedbackLog().recordClick(id, "item-" + random.nextInt(20), Fixtures.T0.plusSeconds(1));
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

    private static Impression impression(String id, int i) {
        List<ShownItem> shown = new ArrayList<>();
        for (int p = 1; p <= 20; p++) {
            var provenance = p % 3 == 0
                    ? java.util.Map.of("bm25", new ArmHit(p, 10.0 / p), "dense", new ArmHit(p + 1, 0.9 / p))
                    : java.util.Map.of(p % 3 == 1 ? "bm25" : "popular", new ArmHit(p, 5.0 / p));
            shown.add(new ShownItem(p, "item-" + (p - 1), 20.0 - p, provenance));
        }
        return new Impression(id, Instant.ofEpochSecond(1_740_000_000L + i), "ses-1", "bench", "query " + i,
                "query " + i, java.util.Map.of("device", "screen", "hour", "10"), Fixtures.x(), Fixtures.selection(i),
                shown);
    }
}
