package io.ltrr.engine.bench;

import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.retrieval.RewriteStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One arm's retrieval of its top 100 on the sample catalog (30,417 items), over 512 seeded catalog queries (for
 * {@code rewrite}, those queries cut by a character, each with a learned rewrite). {@code dense}: see
 * {@link DenseRetrievalJmh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ArmRetrievalJmh {
    @Param({"bm25", "bm25-pop", "structured", "explore", "memory", "rewrite"})
    String arm;

    private RetrievalStrategy strategy;
    private final List<RetrievalRequest> requests = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        SearchFixture f = SearchFixture.get();
        strategy = f.arms.get(arm);
        for (String q : arm.equals(RewriteStrategy.ID) ? f.unfinished : f.queries) {
            QueryAnalysis a = f.tagger.analyze(q);
            requests.add(new RetrievalRequest(q, a, 42));
        }
    }

    @Benchmark
    public CandidateList retrieve() {
        return strategy.retrieve(requests.get(next++ & 511), 100);
    }
}
