package io.ltrr.app.cli;

import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.rank.RankedItem;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/** The human form of one bandit round: selection table, then the ranked results. */
final class RoundText {
    private RoundText() {
    }

    static void print(SearchResult r, PrintStream out) {
        print(r, Optional.empty(), out);
    }

    /**
     * With the running interleaved comparison when the page interleaved two rankers: each result is marked with its
     * team (A, B; * for an exploration slot, which is in no team).
     */
    static void print(SearchResult r, Optional<InterleavingComparison> soFar, PrintStream out) {
        out.printf(Locale.ROOT, "search %s  policy %s (round %d)  %s, %s%n", r.searchId(), r.selection().policyId(),
                r.selection().round(), r.context().device().key(), r.context().localTime());
        out.printf(Locale.ROOT, "query understanding: %s (confidence %.2f)%n",
                r.analysis().type().name().toLowerCase(Locale.ROOT), r.analysis().confidence());
        for (Interpretation in : r.analysis().interpretations().subList(0, Math.min(3, r.analysis().interpretations().size()))) {
            out.printf(Locale.ROOT, "  %.3f  %s%n", in.likelihood(), in.description());
        }
        out.printf(Locale.ROOT, "%-12s %-6s %5s %10s %8s %8s %8s%n", "arm", "chosen", "k", "P(chosen)", "mean", "±", "score");
        r.selection().propensity().forEach((arm, p) -> {
            ArmDiagnostics d = r.selection().diagnostics().get(arm);
            out.printf(Locale.ROOT, "%-12s %-6s %5d %10.3f %8.3f %8.3f %8.3f%n", arm,
                    r.selection().isChosen(arm) ? "yes" : "", r.selection().candidates().getOrDefault(arm, 0), p,
                    d == null ? Double.NaN : d.mean(), d == null ? Double.NaN : d.uncertainty(),
                    d == null ? Double.NaN : d.score());
        });
        out.printf(Locale.ROOT, "%d candidates in the union, ranked by %s; %.1f ms%n", r.unionSize(), r.rankerId(),
                r.micros() / 1000.0);
        for (RankedItem ri : r.results()) {
            Item i = r.items().get(ri.itemId());
            String title = i == null ? ri.itemId() : i.title() + (i.artist().isEmpty() || i.artist().equals(i.title())
                    ? "" : " — " + i.artist());
            String mark = ri.exploration() ? "*" : r.interleaving().flatMap(t -> t.at(ri.position()))
                    .map(Enum::name).orElse(" ");
            out.printf(Locale.ROOT, "%3d.%s%7.4f  %-7s %-60s %s  [%s]%n", ri.position(), mark,
                    ri.score(), i == null ? "" : i.type().key(), SearchCommand.abbreviate(title, 60), ri.itemId(),
                    String.join(",", ri.provenance().keySet()));
        }
        if (r.results().stream().anyMatch(RankedItem::exploration)) {
            out.println("* exploration slot: an item only the explore arm brought, at a fixed position (--max-explore)");
        }
        r.interleaving().ifPresent(t -> out.printf(Locale.ROOT,
                "interleaved by team draft: A = %s, B = %s (a click credits the item's team)%n", t.rankers().a(),
                t.rankers().b()));
        soFar.ifPresent(c -> out.println("so far: " + InterleavingJson.text(c)));
        out.println("feedback: ltrr feedback click " + r.searchId() + " ITEM_ID");
    }
}
