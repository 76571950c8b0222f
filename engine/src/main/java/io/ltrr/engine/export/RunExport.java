package io.ltrr.engine.export;

import io.ltrr.engine.eval.Run;
import io.ltrr.engine.eval.TrecRun;
import io.ltrr.engine.store.LoggedRound;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The logged shown lists as a TREC run, so trec_eval (or {@code ltrr eval}'s metrics) can score what users saw
 * against exported qrels. A query searched several times has one ranking in a run: the latest search of each
 * normalized query is used (the system as it is now); qids are {@link QueryIds} encodings, as in the qrels
 * export, and scores are the ranker's.
 */
public final class RunExport {
    /** The run tag written in the sixth column. */
    public static final String TAG = "ltrr-log";

    private RunExport() {
    }

    /** The run of the latest shown list per query, in order of each query's first appearance. */
    public static Run latestPerQuery(List<LoggedRound> rounds) {
        Map<String, LoggedRound> latest = new LinkedHashMap<>();
        for (LoggedRound r : rounds) {
            if (!r.shown().isEmpty() && !r.normalizedQuery().isBlank()) {
                latest.put(r.normalizedQuery(), r);
            }
        }
        Run.Builder run = Run.builder();
        latest.forEach((q, r) -> r.shown().forEach(s -> run.add(QueryIds.encode(q), s.itemId(), s.score())));
        return run.build();
    }

    public static void write(List<LoggedRound> rounds, Writer out) throws IOException {
        TrecRun.write(latestPerQuery(rounds), TAG, out);
    }
}
