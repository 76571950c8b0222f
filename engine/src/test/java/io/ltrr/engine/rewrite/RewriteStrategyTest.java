package io.ltrr.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.retrieval.RewriteStrategy;
import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RewriteStrategyTest {
    /** A lexical arm that "finds" one item named after the query it was asked, so the test sees what it ran. */
    static final class EchoStrategy implements RetrievalStrategy {
        @Override
        public String id() {
            return "bm25";
        }

        @Override
        public String description() {
            return "echo";
        }

        @Override
        public CandidateList retrieve(RetrievalRequest request, int k) {
            return new CandidateList("bm25", List.of(new Candidate("item:" + request.query(), 1, 2.5)), "bm25");
        }

        @Override
        public ScoreExplanation explain(RetrievalRequest request, String itemId) {
            return ScoreExplanation.leaf(2.5, "bm25 of '" + request.query() + "'");
        }
    }

    @Test
    void searchesWithTheRewriteAndSaysSo() {
        RewriteModel model = new RewriteModel();
        model.add("pearl tailor", "pearl taylor", true, 4);
        RewriteStrategy arm = new RewriteStrategy(model, new EchoStrategy());
        CandidateList list = arm.retrieve(new RetrievalRequest("Pearl  TAILOR!", 1L), 10);
        assertThat(list.armId()).isEqualTo("rewrite");
        assertThat(list.candidates()).extracting(Candidate::itemId).containsExactly("item:pearl taylor");
        assertThat(list.note()).isEqualTo("rewritten as 'pearl taylor' (p=0.80)");
        assertThat(arm.explain(new RetrievalRequest("pearl tailor", 1L), "item:pearl taylor").details())
                .extracting(ScoreExplanation::description).containsExactly("bm25 of 'pearl taylor'");
    }

    @Test
    void returnsNothingWithoutARewrite() {
        RewriteStrategy arm = new RewriteStrategy(q -> Optional.empty(), new EchoStrategy());
        CandidateList list = arm.retrieve(new RetrievalRequest("avalon", 1L), 10);
        assertThat(list.candidates()).isEmpty();
        assertThat(list.note()).isEqualTo("no rewrite of 'avalon'");
        assertThat(new RewriteStrategy(QueryRewriter.NONE, new EchoStrategy())
                .retrieve(new RetrievalRequest("", 1L), 10).candidates()).isEmpty();
    }
}
