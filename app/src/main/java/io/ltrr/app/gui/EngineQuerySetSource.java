package io.ltrr.app.gui;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.api.QuerySetImport;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.compare.ConfigComparison;
import io.ltrr.engine.compare.Configuration;
import io.ltrr.engine.compare.NextUnjudged;
import io.ltrr.engine.compare.QuerySetBench;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.store.QuerySet;
import io.ltrr.engine.store.QuerySetRun;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The real {@link QuerySetSource}: the facade's query-set methods and {@link QuerySetBench}, one call each. */
final class EngineQuerySetSource implements QuerySetSource {
    private final Supplier<Workbench> workbench;
    private Map<String, String> titles;

    /** @param workbench the facade as it is now (a switch of the feedback store replaces it) */
    EngineQuerySetSource(Supplier<Workbench> workbench) {
        this.workbench = workbench;
    }

    private Workbench wb() {
        return workbench.get();
    }

    @Override
    public List<QuerySet> sets() {
        return wb().querySets();
    }

    @Override
    public QuerySet create(String name, List<String> queries) {
        return wb().createQuerySet(name, queries);
    }

    @Override
    public QuerySetImport importFile(String name, Path file) {
        return wb().importQuerySet(name, file);
    }

    @Override
    public QuerySet sample(String name, QuerySampling strategy, int size, long seed) {
        return wb().sampleQuerySet(name, strategy, size, seed);
    }

    @Override
    public QuerySetScores scores(String set, JudgmentSource judgments) {
        return QuerySetBench.scores(wb(), set, judgments);
    }

    @Override
    public QuerySetBench.SetRun run(String set, JudgmentSource judgments, ProgressListener progress,
                                    CancellationToken cancel) {
        return QuerySetBench.run(wb(), set, judgments, progress, cancel);
    }

    @Override
    public List<QuerySetRun> runs(String set) {
        return wb().querySetRuns(set);
    }

    @Override
    public Optional<NextUnjudged> nextUnjudged(String set, JudgmentSource judgments) {
        return QuerySetBench.nextUnjudged(wb(), set, judgments);
    }

    @Override
    public void export(String set, QuerySetBench.Export format, JudgmentSource judgments, Path file)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            QuerySetBench.export(wb(), set, format, judgments, null, w);
        }
    }

    @Override
    public List<String> configurations() {
        List<String> out = new ArrayList<>(List.of("current"));
        wb().rankerIds().forEach(r -> out.add("ranker=" + r));
        wb().armIds().forEach(a -> out.add("arms=" + a));
        for (QuerySet s : wb().querySets()) {
            wb().querySetRuns(s.name()).forEach(r -> out.add("run=" + r.runId()));
        }
        return out;
    }

    @Override
    public ConfigComparison compare(String set, String query, Configuration a, Configuration b,
                                    JudgmentSource judgments, ProgressListener progress, CancellationToken cancel) {
        return QuerySetBench.compare(wb(), set, query, a, b, judgments, progress, cancel);
    }

    @Override
    public synchronized Map<String, String> titles(Collection<String> itemIds) {
        if (titles == null) {
            Map<String, String> all = new HashMap<>();
            for (Item i : wb().items()) {
                all.put(i.id(), i.artist() == null || i.artist().isBlank() ? i.title()
                        : i.title() + " — " + i.artist());
            }
            titles = all;
        }
        Map<String, String> out = new LinkedHashMap<>();
        itemIds.forEach(id -> {
            if (titles.containsKey(id)) {
                out.put(id, titles.get(id));
            }
        });
        return out;
    }
}
