package io.ltrr.engine.clicks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Hand-written click sessions for the estimator tests. */
final class Sessions {
    private final List<ClickSession> sessions = new ArrayList<>();

    /** Adds {@code times} sessions of query q showing {@code shown} (comma-separated) with these clicked positions. */
    Sessions add(int times, String query, String shown, Integer... clicked) {
        Set<Integer> c = new TreeSet<>(List.of(clicked));
        for (int i = 0; i < times; i++) {
            sessions.add(new ClickSession("s" + sessions.size(), query, List.of(shown.split(",")), c));
        }
        return this;
    }

    Sessions add(String query, String shown, Integer... clicked) {
        return add(1, query, shown, clicked);
    }

    List<ClickSession> list() {
        return List.copyOf(sessions);
    }

    static PairEstimate pair(ClickModelFit fit, String query, String item) {
        return fit.pairs().stream().filter(p -> p.query().equals(query) && p.itemId().equals(item)).findFirst()
                .orElseThrow(() -> new AssertionError("no estimate for " + query + " / " + item));
    }
}
