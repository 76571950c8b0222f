package io.ltrr.engine.retrieval;

import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.qu.QueryNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Arm {@code memory}: the items users clicked for this very query (normalized), scored by the smoothed
 * click rate; at cold start, the predicted queries generated from each item's metadata.
 */
public final class MemoryStrategy implements RetrievalStrategy {
    public static final String ID = "memory";
    private final QueryMemory memory;
    private final QueryNormalizer normalizer = new QueryNormalizer();

    public MemoryStrategy(QueryMemory memory) {
        this.memory = memory;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "click memory (Q2E): smoothed (clicks + a*predicted) / (impressions + a) per query and item";
    }

    @Override
    public CandidateList retrieve(RetrievalRequest request, int k) {
        String q = normalized(request);
        if (q.isEmpty() || k <= 0) {
            return CandidateList.empty(ID, "empty query");
        }
        List<Candidate> out = new ArrayList<>();
        int rank = 1;
        for (QueryMemory.Entry e : memory.lookup(q, k)) {
            out.add(new Candidate(e.itemId(), rank++, e.score()));
        }
        return new CandidateList(ID, out, out.isEmpty() ? "no memory of '" + q + "'" : "memory of '" + q + "'");
    }

    @Override
    public ScoreExplanation explain(RetrievalRequest request, String itemId) {
        String q = normalized(request);
        for (QueryMemory.Entry e : memory.lookup(q, 1000)) {
            if (e.itemId().equals(itemId)) {
                return new ScoreExplanation(e.score(), "smoothed click rate of '" + q + "'", List.of(
                        ScoreExplanation.leaf(e.clicks(), "clicks"),
                        ScoreExplanation.leaf(e.impressions(), "impressions"),
                        ScoreExplanation.leaf(e.predicted(), "predicted score (cold start, from metadata)")));
            }
        }
        return ScoreExplanation.leaf(0, String.format(Locale.ROOT, "memory: '%s' has no entry for %s", q, itemId));
    }

    private String normalized(RetrievalRequest request) {
        QueryAnalysis a = request.analysis();
        return a != null ? a.normalized() : normalizer.normalize(request.query()).text();
    }
}
