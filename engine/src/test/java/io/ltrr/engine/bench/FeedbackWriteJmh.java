package io.ltrr.engine.bench;

import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.ShownItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Feedback-write throughput of the H2 store: one committed impression (20 shown items with provenance,
 * 5 arms' propensities) followed by one committed click, per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class FeedbackWriteJmh {
    private FeedbackStore store;
    private Path dir;
    private ContextVector x;
    private Selection selection;
    private List<ShownItem> shown;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("ltrr-jmh-store");
        store = H2FeedbackStore.open(dir);
        x = new ContextVector(List.of("bias", "f1"), new double[] {1, 0.5});
        List<String> arms = List.of("bm25", "bm25-pop", "structured", "dense", "explore");
        Map<String, Double> propensity = new LinkedHashMap<>();
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        for (String a : arms) {
            propensity.put(a, 0.6);
            diagnostics.put(a, new ArmDiagnostics(0.5, 0.2, 0.6, 10));
        }
        selection = new Selection("thompson", 1, List.of("bm25", "dense", "explore"),
                Map.of("bm25", 34, "dense", 33, "explore", 33), propensity, diagnostics);
        shown = new ArrayList<>();
        for (int p = 1; p <= 20; p++) {
            shown.add(new ShownItem(p, "item-" + p, 1.0 / p, Map.of("bm25", new ArmHit(p, 10.0 / p))));
        }
    }

    @Benchmark
    public Object impressionAndClick() {
        String id = store.searchLog().newSearchId();
        store.searchLog().recordImpression(new Impression(id, Instant.now(), "ses-1", "u1", "love song", "love song",
                Map.of("device", "screen"), x, selection, shown));
        return store.feedbackLog().recordClick(id, "item-1", Instant.now());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
