package io.ltrr.engine.retrieval;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Explanation;

/** Converts Lucene's explanation into the engine's own tree, so no Lucene type leaves the engine. */
final class LuceneExplanations {
    private LuceneExplanations() {
    }

    static ScoreExplanation convert(Explanation e) {
        List<ScoreExplanation> details = new ArrayList<>();
        for (Explanation d : e.getDetails()) {
            details.add(convert(d));
        }
        return new ScoreExplanation(e.getValue().doubleValue(), e.getDescription(), details);
    }
}
