package io.ltrr.app.cli;

import io.ltrr.engine.api.ArmSearch;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.retrieval.Candidate;
import java.util.ArrayList;
import java.util.List;

/** The JSON form of {@code ltrr search --arm}: each named arm's own results. */
record ArmSearchJson(String query, AnalysisJson analysis, List<ArmJson> arms) {

    static ArmSearchJson of(ArmSearch result) {
        List<ArmJson> arms = new ArrayList<>();
        result.lists().forEach((arm, list) -> arms.add(new ArmJson(arm, list.note(), result.micros().get(arm),
                list.candidates().stream().map(c -> HitJson.of(c, result.items().get(c.itemId()))).toList())));
        return new ArmSearchJson(result.query(), AnalysisJson.of(result.analysis()), arms);
    }

    /** One arm's list. */
    record ArmJson(String arm, String note, Long latencyUs, List<HitJson> results) {
    }

    /** One retrieved item. */
    record HitJson(int rank, String itemId, double score, String type, String title, String artist, String album,
                   int year, List<String> styles, double popularity) {
        static HitJson of(Candidate c, Item i) {
            return new HitJson(c.rank(), i.id(), c.score(), i.type().key(), i.title(), i.artist(), i.album(), i.year(),
                    i.styles(), i.popularity());
        }
    }
}
