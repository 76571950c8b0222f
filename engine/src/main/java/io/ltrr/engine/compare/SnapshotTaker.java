package io.ltrr.engine.compare;

import io.ltrr.engine.api.ArmSearch;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.CandidateList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a snapshot of a configuration through the facade's {@link Workbench#searchArms}: the given arms (all
 * when empty) each return their top k, and the result list is one arm's list as it is, or for several arms
 * their plain reciprocal-rank fusion, score = Σ_a 1/(60 + rank_a), ties by first appearance.
 *
 * <p>Why not {@link Workbench#search}: a search is a bandit round. It is logged as an impression, advances and
 * persists the policy, and its arm choice is random, so a snapshot would change what it measures and two
 * snapshots of the same configuration would differ. searchArms is deterministic and leaves no trace.
 */
public final class SnapshotTaker {
    /** The customary RRF constant (Cormack et al. 2009). */
    static final int RRF_K0 = 60;

    private SnapshotTaker() {
    }

    /**
     * @param arms the arms of the configuration, or empty for every arm
     * @param k    candidates per arm and length of each result list
     */
    public static Snapshot take(Workbench wb, List<String> queries, List<String> arms, int k, String description) {
        return take(wb, queries, arms, k, description, null);
    }

    /**
     * @param ranker a ranker id whose latest model orders the union of the arms' candidates
     *               ({@link Workbench#rankArms}), or null for the plain fusion described above
     */
    public static Snapshot take(Workbench wb, List<String> queries, List<String> arms, int k, String description,
                                String ranker) {
        return take(wb, queries, arms, k, description, ranker, null, ProgressListener.NONE, CancellationToken.none());
    }

    /**
     * As {@link #take(Workbench, List, List, int, String, String)}, with a saved model version of the ranker
     * (null: its latest), telling the progress after each query (phase "querying") and checking for cancellation
     * before each.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static Snapshot take(Workbench wb, List<String> queries, List<String> arms, int k, String description,
                                String ranker, Long rankerVersion, ProgressListener progress,
                                CancellationToken cancel) {
        List<Snapshot.QueryResults> out = new ArrayList<>();
        List<String> used = arms;
        int done = 0;
        for (String q : queries) {
            cancel.throwIfCancelled();
            ArmSearch s = wb.searchArms(q, arms, k);
            used = List.copyOf(s.lists().keySet());
            List<Snapshot.Result> results = ranker == null ? fuse(s.lists().values().stream().toList(), k)
                    : wb.rankArms(s, ranker, rankerVersion, k).stream()
                            .map(r -> new Snapshot.Result(r.itemId(), r.score())).toList();
            out.add(new Snapshot.QueryResults(q, results));
            progress.progress("querying", ++done, queries.size());
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("arms", String.join(",", used.isEmpty() ? wb.armIds() : used));
        config.put("k", Integer.toString(k));
        config.put("fusion", ranker != null ? "ranker " + ranker
                : used.size() == 1 ? "none" : "rrf k0=" + RRF_K0);
        if (ranker != null) {
            config.put("ranker", ranker);
            config.put("ranker_version", Long.toString(rankerVersion != null ? rankerVersion
                    : wb.rankerVersions().getOrDefault(ranker, 0L)));
        }
        config.put("data", wb.config().dataDir().toString());
        return new Snapshot(description, config, Instant.now().toString(), out);
    }

    /** One list as it is; several by unweighted RRF, best k. */
    static List<Snapshot.Result> fuse(List<CandidateList> lists, int k) {
        if (lists.size() == 1) {
            return lists.getFirst().candidates().stream().limit(k)
                    .map(c -> new Snapshot.Result(c.itemId(), c.score())).toList();
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (CandidateList l : lists) {
            for (Candidate c : l.candidates()) {
                scores.merge(c.itemId(), 1.0 / (RRF_K0 + c.rank()), Double::sum);
            }
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(scores.entrySet());
        // List.sort is stable, so equal scores keep first-appearance order.
        sorted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        return sorted.stream().limit(k).map(e -> new Snapshot.Result(e.getKey(), e.getValue())).toList();
    }
}
