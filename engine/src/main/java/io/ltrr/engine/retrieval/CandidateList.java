package io.ltrr.engine.retrieval;

import java.util.List;

/**
 * What one arm returned for one query: its candidates best first, and a short note on how it searched
 * (the query it ran, the rewrite or interpretation it used), for display.
 */
public record CandidateList(String armId, List<Candidate> candidates, String note) {
    public CandidateList {
        candidates = List.copyOf(candidates);
        note = note == null ? "" : note;
    }

    public static CandidateList empty(String armId, String note) {
        return new CandidateList(armId, List.of(), note);
    }

    public int size() {
        return candidates.size();
    }
}
