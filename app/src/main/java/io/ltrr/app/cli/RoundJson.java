package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.rank.RankedItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON form of one bandit round ({@code ltrr search --json}). */
record RoundJson(String searchId, String query, String policy, long policyRound, String ranker, Context context,
                 AnalysisJson analysis, Map<String, Double> features, List<ArmSelection> selection, int unionSize,
                 List<Result> results, long elapsedUs, List<String> warnings,
                 @JsonInclude(Include.NON_NULL) InterleavingJson interleaving) {

    static RoundJson of(SearchResult r) {
        return of(r, Optional.empty());
    }

    /**
     * With the running interleaved comparison ({@code interleaving}, this search included) and each result's
     * {@code team} when the page interleaved two rankers.
     */
    static RoundJson of(SearchResult r, Optional<InterleavingComparison> soFar) {
        Map<String, Double> features = new LinkedHashMap<>();
        for (int i = 0; i < r.x().dimension(); i++) {
            features.put(r.x().names().get(i), r.x().get(i));
        }
        List<ArmSelection> selection = new ArrayList<>();
        r.selection().propensity().forEach((arm, p) -> selection.add(ArmSelection.of(r, arm, p)));
        List<Result> results = r.results().stream().map(ri -> Result.of(ri, r.items().get(ri.itemId()),
                r.interleaving().map(t -> t.at(ri.position()).map(Enum::name).orElse(NO_TEAM)).orElse(null))).toList();
        return new RoundJson(r.searchId(), r.query(), r.selection().policyId(), r.selection().round(), r.rankerId(),
                Context.of(r.context()), AnalysisJson.of(r.analysis()), features, selection, r.unionSize(), results,
                r.micros(), r.warnings(), soFar.map(InterleavingJson::of).orElse(null));
    }

    /** Who searched, how and when. */
    record Context(String user, String device, String localTime, List<String> profile) {
        static Context of(SearchContext c) {
            return new Context(c.userId(), c.device().key(), c.localTime().toString(), c.profile());
        }
    }

    /** One arm in the policy's selection, with the policy's diagnostics when it gave some. */
    record ArmSelection(String arm, boolean chosen, int candidates, double propensity,
                        @JsonUnwrapped Diagnostics diagnostics, int retrieved) {
        static ArmSelection of(SearchResult r, String arm, double propensity) {
            Selection s = r.selection();
            ArmDiagnostics d = s.diagnostics().get(arm);
            return new ArmSelection(arm, s.isChosen(arm), s.candidates().getOrDefault(arm, 0), propensity,
                    d == null ? null : new Diagnostics(d.mean(), d.uncertainty(), d.score(), d.pulls()),
                    r.lists().containsKey(arm) ? r.lists().get(arm).size() : 0);
        }
    }

    /** The policy's view of an arm. */
    record Diagnostics(double mean, double uncertainty, double score, long pulls) {
    }

    /** The team of an interleaved page's result that no team drafted (an exploration slot). */
    static final String NO_TEAM = "none";

    /**
     * One shown result, with the item's fields when the item is known, and on an interleaved page the team that
     * drafted it (A, B, or none).
     */
    record Result(int position, String itemId, double score, boolean exploration, @JsonUnwrapped ItemFields item,
                  Map<String, Provenance> provenance, @JsonInclude(Include.NON_NULL) String team) {
        static Result of(RankedItem ri, Item item, String team) {
            Map<String, Provenance> provenance = new LinkedHashMap<>();
            ri.provenance().forEach((arm, hit) -> provenance.put(arm, new Provenance(hit.rank(), hit.score())));
            return new Result(ri.position(), ri.itemId(), ri.score(), ri.exploration(),
                    item == null ? null : ItemFields.of(item), provenance, team);
        }
    }

    /** What a result shows of its item. */
    record ItemFields(String type, String title, String artist, String album, int year) {
        static ItemFields of(Item i) {
            return new ItemFields(i.type().key(), i.title(), i.artist(), i.album(), i.year());
        }
    }

    /** Where an arm had the result. */
    record Provenance(int rank, double score) {
    }
}
