package io.ltrr.app.gui;

import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.api.QuerySetImport;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.compare.ConfigComparison;
import io.ltrr.engine.compare.Configuration;
import io.ltrr.engine.compare.NextUnjudged;
import io.ltrr.engine.compare.QuerySetBench;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.store.QuerySet;
import io.ltrr.engine.store.QuerySetRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the query-set and comparison windows need from the engine, as one role (a fake in tests, the facade and
 * {@link QuerySetBench} in the app). Every method may be slow: call it off the UI thread.
 */
public interface QuerySetSource {
    /** Every query set, by name. */
    List<QuerySet> sets();

    QuerySet create(String name, List<String> queries);

    /** A set of a file's queries (one per line, or CSV with a query column); bad lines come back as problems. */
    QuerySetImport importFile(String name, Path file);

    QuerySet sample(String name, QuerySampling strategy, int size, long seed);

    /** The set's per-query scores under the current configuration. */
    QuerySetScores scores(String set, JudgmentSource judgments);

    /** Runs the set against the current configuration and stores the run (a snapshot with its means). */
    QuerySetBench.SetRun run(String set, JudgmentSource judgments, ProgressListener progress,
                             CancellationToken cancel);

    /** The set's stored runs, oldest first. */
    List<QuerySetRun> runs(String set);

    Optional<NextUnjudged> nextUnjudged(String set, JudgmentSource judgments);

    void export(String set, QuerySetBench.Export format, JudgmentSource judgments, Path file) throws IOException;

    /** Ready-made configurations in text form: current, each ranker, each arm alone, each stored run. */
    List<String> configurations();

    /** Two configurations over a set's queries, or one query ({@code set} null). */
    ConfigComparison compare(String set, String query, Configuration a, Configuration b, JudgmentSource judgments,
                             ProgressListener progress, CancellationToken cancel);

    /** Titles (with the artist, when there is one) of catalog items by id; unknown ids are left out. */
    Map<String, String> titles(Collection<String> itemIds);
}
