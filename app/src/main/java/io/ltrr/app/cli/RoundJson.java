package io.ltrr.app.cli;

import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.rank.RankedItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of one bandit round. Key names are an interface: keep them stable. */
final class RoundJson {
    private RoundJson() {
    }

    static Map<String, Object> of(SearchResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("search_id", r.searchId());
        doc.put("query", r.query());
        doc.put("policy", r.selection().policyId());
        doc.put("policy_round", r.selection().round());
        doc.put("ranker", r.rankerId());
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("user", r.context().userId());
        ctx.put("device", r.context().device().key());
        ctx.put("local_time", r.context().localTime().toString());
        ctx.put("profile", r.context().profile());
        doc.put("context", ctx);
        doc.put("analysis", SearchCommand.analysisJson(r.analysis()));
        Map<String, Double> features = new LinkedHashMap<>();
        for (int i = 0; i < r.x().dimension(); i++) {
            features.put(r.x().names().get(i), r.x().get(i));
        }
        doc.put("features", features);
        doc.put("selection", selection(r));
        doc.put("union_size", r.unionSize());
        List<Map<String, Object>> results = new ArrayList<>();
        for (RankedItem ri : r.results()) {
            results.add(result(ri, r.items().get(ri.itemId())));
        }
        doc.put("results", results);
        doc.put("elapsed_us", r.micros());
        return doc;
    }

    private static List<Map<String, Object>> selection(SearchResult r) {
        List<Map<String, Object>> arms = new ArrayList<>();
        r.selection().propensity().forEach((arm, p) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            ArmDiagnostics d = r.selection().diagnostics().get(arm);
            a.put("arm", arm);
            a.put("chosen", r.selection().isChosen(arm));
            a.put("candidates", r.selection().candidates().getOrDefault(arm, 0));
            a.put("propensity", p);
            if (d != null) {
                a.put("mean", d.mean());
                a.put("uncertainty", d.uncertainty());
                a.put("score", d.score());
                a.put("pulls", d.pulls());
            }
            a.put("retrieved", r.lists().containsKey(arm) ? r.lists().get(arm).size() : 0);
            arms.add(a);
        });
        return arms;
    }

    private static Map<String, Object> result(RankedItem ri, Item item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", ri.position());
        m.put("item_id", ri.itemId());
        m.put("score", ri.score());
        if (item != null) {
            m.put("type", item.type().key());
            m.put("title", item.title());
            m.put("artist", item.artist());
            m.put("album", item.album());
            m.put("year", item.year());
        }
        Map<String, Object> prov = new LinkedHashMap<>();
        for (Map.Entry<String, ArmHit> e : ri.provenance().entrySet()) {
            prov.put(e.getKey(), Map.of("rank", e.getValue().rank(), "score", e.getValue().score()));
        }
        m.put("provenance", prov);
        return m;
    }
}
