package io.ltrr.engine.retrieval;

import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.qu.QueryNormalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Arm {@code rewrite}: when users who typed this query (normalized) and found nothing usually succeeded with
 * another one, search the lexical BM25 arm with that rewrite instead. No rewrite, no candidates. The list's note
 * says "rewritten as '…' (p=…)", which the GUI shows.
 */
public final class RewriteStrategy implements RetrievalStrategy {
    public static final String ID = "rewrite";
    private final QueryRewriter rewriter;
    private final RetrievalStrategy lexical;
    private final QueryNormalizer normalizer = new QueryNormalizer();

    /**
     * @param lexical the arm that searches with the rewrite (the index's {@link Bm25Strategy})
     */
    public RewriteStrategy(QueryRewriter rewriter, RetrievalStrategy lexical) {
        this.rewriter = Objects.requireNonNull(rewriter, "rewriter");
        this.lexical = Objects.requireNonNull(lexical, "lexical");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "rewrite learned from reformulations (absorbing Markov chain), searched with " + lexical.id();
    }

    @Override
    public CandidateList retrieve(RetrievalRequest request, int k) {
        String q = normalized(request);
        Optional<QueryRewriter.Rewrite> rewrite = q.isEmpty() ? Optional.empty() : rewriter.rewrite(q);
        if (rewrite.isEmpty() || k <= 0) {
            return CandidateList.empty(ID, "no rewrite of '" + q + "'");
        }
        CandidateList found = lexical.retrieve(new RetrievalRequest(rewrite.get().query(), request.seed()), k);
        return new CandidateList(ID, found.candidates(), note(rewrite.get()));
    }

    @Override
    public ScoreExplanation explain(RetrievalRequest request, String itemId) {
        String q = normalized(request);
        Optional<QueryRewriter.Rewrite> rewrite = q.isEmpty() ? Optional.empty() : rewriter.rewrite(q);
        if (rewrite.isEmpty()) {
            return ScoreExplanation.leaf(0, "rewrite: no rewrite of '" + q + "'");
        }
        ScoreExplanation inner = lexical.explain(new RetrievalRequest(rewrite.get().query(), request.seed()), itemId);
        return new ScoreExplanation(inner.value(), note(rewrite.get()), List.of(inner));
    }

    static String note(QueryRewriter.Rewrite r) {
        return String.format(Locale.ROOT, "rewritten as '%s' (p=%.2f)", r.query(), r.probability());
    }

    private String normalized(RetrievalRequest request) {
        QueryAnalysis a = request.analysis();
        return a != null ? a.normalized() : normalizer.normalize(request.query()).text();
    }
}
