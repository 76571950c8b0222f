package io.ltrr.engine.bench;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.context.ContextFeatures;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.ltr.FeatureMatrix;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.rank.CandidateUnion;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.rank.RrfRanker;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.RetrievalRequest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stages of a search round around retrieval, on the sample catalog: query understanding + context features;
 * union + RRF rank of 100 candidates (bm25 34 + bm25-pop 33 + structured 33, as the default budget splits K = 100
 * over three arms); the learned rankers' feature extraction over the same union.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SearchStagesJmh {
    private SearchFixture fixture;
    private final List<RankingInput> inputs = new ArrayList<>();
    private final List<Map<String, CandidateList>> lists = new ArrayList<>();
    private final List<QueryAnalysis> analyses = new ArrayList<>();
    private final SearchContext context = SearchContext.anonymous(LocalDateTime.of(2026, 1, 5, 21, 30));
    private final RrfRanker rrf = new RrfRanker();
    private FeatureExtractor extractor;
    private int next;

    @Setup
    public void setUp() {
        fixture = SearchFixture.get();
        extractor = new FeatureExtractor(io.ltrr.engine.retrieval.EmbeddedBackend.over(fixture.index), fixture.memory);
        for (String q : fixture.queries) {
            QueryAnalysis a = fixture.tagger.analyze(q);
            RetrievalRequest r = new RetrievalRequest(q, a, 42);
            Map<String, CandidateList> l = new LinkedHashMap<>();
            l.put("bm25", fixture.arms.get("bm25").retrieve(r, 34));
            l.put("bm25-pop", fixture.arms.get("bm25-pop").retrieve(r, 33));
            l.put("structured", fixture.arms.get("structured").retrieve(r, 33));
            ContextVector x = ContextFeatures.extract(a, context, fixture.memory.knows(a.normalized()));
            analyses.add(a);
            lists.add(l);
            inputs.add(new RankingInput(a, x, Map.of("bm25", 0.3, "bm25-pop", 0.2, "structured", 0.4),
                    CandidateUnion.of(l)));
        }
    }

    @Benchmark
    public ContextVector queryUnderstandingAndContextFeatures() {
        String q = fixture.queries.get(next++ & 511);
        QueryAnalysis a = fixture.tagger.analyze(q);
        return ContextFeatures.extract(a, context, fixture.memory.knows(a.normalized()));
    }

    @Benchmark
    public List<RankedItem> unionAndRrfRankOf100() {
        int i = next++ & 511;
        RankingInput in = inputs.get(i);
        return rrf.rank(new RankingInput(in.analysis(), in.x(), in.armMeans(), CandidateUnion.of(lists.get(i))), 20);
    }

    @Benchmark
    public FeatureMatrix ltrFeatureExtractionOf100() {
        return extractor.extract(inputs.get(next++ & 511));
    }
}
