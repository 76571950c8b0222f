package io.ltrr.engine.rank;

import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.CandidateList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The union of the chosen arms' candidates with provenance: item → (arm → its rank and score there). */
public final class CandidateUnion {
    private CandidateUnion() {
    }

    /** In first-seen order (arms in the order given, each arm's candidates best first). */
    public static Map<String, Map<String, ArmHit>> of(Map<String, CandidateList> lists) {
        Map<String, Map<String, ArmHit>> union = new LinkedHashMap<>();
        lists.forEach((arm, list) -> {
            for (Candidate c : list.candidates()) {
                union.computeIfAbsent(c.itemId(), id -> new LinkedHashMap<>()).put(arm, new ArmHit(c.rank(), c.score()));
            }
        });
        Map<String, Map<String, ArmHit>> frozen = new LinkedHashMap<>();
        union.forEach((id, hits) -> frozen.put(id, Collections.unmodifiableMap(hits)));
        return Collections.unmodifiableMap(frozen);
    }
}
