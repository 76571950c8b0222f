package io.ltrr.engine.retrieval;

import io.ltrr.engine.qu.MatchKind;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.qu.Slot;
import io.ltrr.engine.qu.SlotType;
import java.util.Objects;

/**
 * What an arm is asked: the query text, its query-understanding analysis when already made (arms that need
 * one make it themselves otherwise), and a seed for arms that draw at random (same seed, same candidates).
 */
public record RetrievalRequest(String query, QueryAnalysis analysis, long seed) {
    public RetrievalRequest {
        Objects.requireNonNull(query, "query");
    }

    public RetrievalRequest(String query, long seed) {
        this(query, null, seed);
    }

    /**
     * The text the lexical arms search: the query as typed, plus the catalog name of every artist or album the
     * top reading of query understanding recognised only through a typo (a {@link MatchKind#FUZZY} slot), as a
     * spelling correction would add it. "tayler love", read as artist≈"Tyler Sanford" + title="Love", searches
     * "tayler love Tyler Sanford": a typed word matches no index term, so without the name a lexical arm can only
     * answer the rest of the query. The typed words stay, so a wrong reading adds words and removes none.
     */
    public String lexicalText() {
        if (analysis == null) {
            return query;
        }
        StringBuilder text = new StringBuilder(query);
        for (Slot slot : analysis.top().slots()) {
            boolean name = slot.type() == SlotType.ARTIST || slot.type() == SlotType.ALBUM;
            if (name && slot.kind() == MatchKind.FUZZY) {
                text.append(' ').append(slot.value());
            }
        }
        return text.toString();
    }
}
