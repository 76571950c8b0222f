package io.ltrr.app.gui;

import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.RewriteStrategy;
import java.util.Locale;

/**
 * The results header's line about the {@code rewrite} arm: when it took part in a search and found something, its
 * list's note says what the query was rewritten as and with what probability ("rewritten as 'love song'
 * (p=0.83)"), and the line adds how many shown results it brought.
 */
final class RewriteNotice {
    private RewriteNotice() {
    }

    /** The line to show, or "" when the rewrite arm did not contribute (not chosen, or no rewrite known). */
    static String of(SearchResult r) {
        if (!r.selection().chosen().contains(RewriteStrategy.ID)) {
            return "";
        }
        CandidateList list = r.lists().get(RewriteStrategy.ID);
        if (list == null || list.candidates().isEmpty() || list.note().isBlank()) {
            return "";
        }
        long shown = r.results().stream().map(RankedItem::provenance)
                .filter(p -> p.containsKey(RewriteStrategy.ID)).count();
        return String.format(Locale.ROOT, "\"%s\" %s — %d of %d shown results from the rewrite", r.query(),
                list.note(), shown, r.results().size());
    }
}
