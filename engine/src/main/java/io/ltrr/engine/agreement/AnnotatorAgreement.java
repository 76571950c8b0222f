package io.ltrr.engine.agreement;

import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.LoggedRating;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inter-annotator agreement from the log's ratings. The unit rated is a (normalized query, item) pair; the
 * categories are the grades 0..3. Can't-tell ratings are excluded: they say the annotator gave no judgment,
 * not a fifth category, and counting them would reward agreeing to abstain. When an annotator rated the same
 * pair more than once (in different searches), the latest grade counts: it is their current opinion.
 */
public final class AnnotatorAgreement {
    /** Grades 0, 1, 2, 3. */
    public static final int CATEGORIES = 4;

    private AnnotatorAgreement() {
    }

    /**
     * Agreement over a data folder's ratings (opens its feedback store, so no workbench may have it open).
     *
     * @see #of(List, List)
     */
    public static AgreementReport ofDataFolder(Path dataDir, List<String> annotators) {
        List<LoggedRating> ratings;
        try (H2FeedbackStore store = H2FeedbackStore.open(dataDir)) {
            ratings = store.logReader().ratings();
        }
        return of(ratings, annotators);
    }

    /**
     * @param ratings    the log's ratings in commit order
     * @param annotators whom to compare (≥ 2), or empty for everyone who gave a grade
     * @throws IllegalArgumentException when fewer than two annotators are compared or one has no graded rating
     */
    public static AgreementReport of(List<LoggedRating> ratings, List<String> annotators) {
        Map<String, Map<List<String>, Integer>> byAnnotator = new TreeMap<>();
        for (LoggedRating r : ratings) {
            if (r.grade() != null) {
                byAnnotator.computeIfAbsent(r.annotator(), a -> new TreeMap<>(AnnotatorAgreement::compare))
                        .put(List.of(r.normalizedQuery(), r.itemId()), r.grade());
            }
        }
        List<String> who = annotators.isEmpty() ? List.copyOf(byAnnotator.keySet())
                : List.copyOf(new TreeSet<>(annotators));
        if (who.size() < 2) {
            throw new IllegalArgumentException("agreement needs at least two annotators with graded ratings, have " + who);
        }
        for (String a : who) {
            if (!byAnnotator.containsKey(a)) {
                throw new IllegalArgumentException("annotator '" + a + "' has no graded ratings; annotators: "
                        + byAnnotator.keySet());
            }
        }
        TreeSet<List<String>> shared = new TreeSet<>(AnnotatorAgreement::compare);
        shared.addAll(byAnnotator.get(who.getFirst()).keySet());
        who.forEach(a -> shared.retainAll(byAnnotator.get(a).keySet()));
        int[][] counts = new int[shared.size()][CATEGORIES];
        int unanimous = 0;
        int i = 0;
        for (List<String> item : shared) {
            for (String a : who) {
                counts[i][byAnnotator.get(a).get(item)]++;
            }
            unanimous += max(counts[i]) == who.size() ? 1 : 0;
            i++;
        }
        List<AgreementReport.Pair> pairs = new ArrayList<>();
        for (int x = 0; x < who.size(); x++) {
            for (int y = x + 1; y < who.size(); y++) {
                pairs.add(pair(who.get(x), who.get(y), byAnnotator));
            }
        }
        double fleiss = shared.isEmpty() ? Double.NaN : Kappa.fleiss(counts);
        return new AgreementReport(who, shared.size(), shared.isEmpty() ? Double.NaN : (double) unanimous / shared.size(),
                who.size() == 2 ? pairs.getFirst().kappa() : Double.NaN, fleiss, pairs,
                who.size() == 2 ? pairs.getFirst().weightedKappa() : Double.NaN, disagreements(who, byAnnotator));
    }

    /** The pairs at least two of {@code who} graded, with different grades, by query then item. */
    private static List<AgreementReport.Disagreement> disagreements(List<String> who,
                                                                  Map<String, Map<List<String>, Integer>> byAnnotator) {
        Map<List<String>, Map<String, Integer>> byItem = new TreeMap<>(AnnotatorAgreement::compare);
        for (String a : who) {
            byAnnotator.get(a).forEach((item, g) -> byItem.computeIfAbsent(item, i -> new TreeMap<>()).put(a, g));
        }
        List<AgreementReport.Disagreement> out = new ArrayList<>();
        byItem.forEach((item, grades) -> {
            if (grades.size() >= 2 && new TreeSet<>(grades.values()).size() > 1) {
                out.add(new AgreementReport.Disagreement(item.get(0), item.get(1), new TreeMap<>(grades)));
            }
        });
        return out;
    }

    private static AgreementReport.Pair pair(String a, String b, Map<String, Map<List<String>, Integer>> byAnnotator) {
        Map<List<String>, Integer> ga = byAnnotator.get(a);
        Map<List<String>, Integer> gb = byAnnotator.get(b);
        List<int[]> both = new ArrayList<>();
        ga.forEach((item, g) -> {
            Integer h = gb.get(item);
            if (h != null) {
                both.add(new int[] {g, h});
            }
        });
        int[] x = both.stream().mapToInt(p -> p[0]).toArray();
        int[] y = both.stream().mapToInt(p -> p[1]).toArray();
        return new AgreementReport.Pair(a, b, both.size(), Kappa.cohen(x, y, CATEGORIES),
                Kappa.quadraticWeighted(x, y, CATEGORIES));
    }

    private static int max(int[] row) {
        int m = 0;
        for (int v : row) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static int compare(List<String> p, List<String> q) {
        int c = p.get(0).compareTo(q.get(0));
        return c != 0 ? c : p.get(1).compareTo(q.get(1));
    }
}
