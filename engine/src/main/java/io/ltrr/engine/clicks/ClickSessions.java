package io.ltrr.engine.clicks;

import io.ltrr.engine.store.LogReader;
import io.ltrr.engine.store.LoggedClick;
import io.ltrr.engine.store.LoggedRound;
import io.ltrr.engine.store.UbiLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Click sessions out of the logs the workbench reads. */
public final class ClickSessions {
    private ClickSessions() {
    }

    /**
     * The workbench's own log: every logged search with its shown list (by position) and the positions clicked on
     * it (repeated clicks on one item count once), in search order; queries are the normalized ones.
     */
    public static List<ClickSession> fromLog(LogReader log) {
        Map<String, Set<Integer>> clicks = new HashMap<>();
        for (LoggedClick c : log.clicks()) {
            clicks.computeIfAbsent(c.searchId(), k -> new TreeSet<>()).add(c.position());
        }
        List<ClickSession> out = new ArrayList<>();
        for (LoggedRound r : log.rounds()) {
            List<String> shown = r.shown().stream()
                    .sorted(Comparator.comparingInt(LoggedRound.Shown::position))
                    .map(LoggedRound.Shown::itemId).toList();
            Set<Integer> clicked = new TreeSet<>();
            for (int p : clicks.getOrDefault(r.searchId(), Set.of())) {
                if (p >= 1 && p <= shown.size()) {
                    clicked.add(p);
                }
            }
            out.add(new ClickSession(r.searchId(), r.normalizedQuery(), shown, clicked));
        }
        return out;
    }

    /**
     * An imported UBI log: every query with its hit ids as the shown list and the positions its click events landed
     * on, in the log's order; queries normalized as the own log's are ({@link UbiClickSessions} says how clicks are
     * placed and counts those that cannot be).
     */
    public static List<ClickSession> fromUbi(UbiLog log) {
        return UbiClickSessions.of(log).sessions();
    }
}
