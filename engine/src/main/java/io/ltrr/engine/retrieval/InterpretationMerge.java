package io.ltrr.engine.retrieval;

import io.ltrr.engine.qu.Interpretation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the {@code structured} arm of every backend merges the searches of a query's interpretations: an item's
 * score is the best over interpretations of {@code likelihood · (0.5 + 0.5 · score / best score of that
 * interpretation)}; ties go to the smaller tie-break value. Not thread-safe: one per retrieval.
 */
public final class InterpretationMerge {
    private final Map<String, double[]> best = new HashMap<>();
    private final List<String> used = new ArrayList<>();

    /**
     * One interpretation's hits, best first.
     *
     * @param tieBreaks for each hit, the value that orders equal scores (a document number, an arrival order)
     */
    public void add(Interpretation in, List<String> ids, double[] scores, double[] tieBreaks) {
        if (ids.isEmpty()) {
            return;
        }
        used.add(String.format(Locale.ROOT, "%.2f %s", in.likelihood(), in.description()));
        double max = scores[0];
        for (int i = 0; i < ids.size(); i++) {
            double s = in.likelihood() * (0.5 + 0.5 * (max > 0 ? scores[i] / max : 1));
            best.merge(ids.get(i), new double[] {s, tieBreaks[i]}, (a, b) -> a[0] >= b[0] ? a : b);
        }
    }

    /** The merged top k, with the interpretations that matched as the list's note. */
    public CandidateList top(String armId, int k) {
        List<Map.Entry<String, double[]>> merged = new ArrayList<>(best.entrySet());
        merged.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Double.compare(b.getValue()[0], a.getValue()[0])
                : Double.compare(a.getValue()[1], b.getValue()[1]));
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, merged.size()); i++) {
            out.add(new Candidate(merged.get(i).getKey(), i + 1, merged.get(i).getValue()[0]));
        }
        return new CandidateList(armId, out, used.isEmpty() ? "no interpretation matched" : String.join(" | ", used));
    }
}
