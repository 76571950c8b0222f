package io.ltrr.engine.offline;

import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.api.QueryLimits;
import io.ltrr.engine.api.QuerySetImport;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.export.JudgmentFiles;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.qu.QueryNormalizer;
import io.ltrr.engine.queryset.QueryFileReader;
import io.ltrr.engine.queryset.QuerySampler;
import io.ltrr.engine.queryset.SetScoring;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.QueryCount;
import io.ltrr.engine.store.QuerySet;
import io.ltrr.engine.store.QuerySetRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Query sets of a data folder: made from typed queries, a file or a sample of the search log; scored against
 * judgments; their runs stored as a time series. Taking the results of a configuration is the compare package's
 * (it is built on the facade); this service stores and scores. Not synchronized: the facade calls it under its lock.
 */
public final class QuerySetService {
    private static final QueryNormalizer NORMALIZER = new QueryNormalizer();

    private final FeedbackStore store;

    public QuerySetService(FeedbackStore store) {
        this.store = store;
    }

    /** A set of typed queries: stripped, blank ones dropped, repeats kept once, each within {@link QueryLimits}. */
    public QuerySet create(String name, List<String> queries) {
        QuerySet.checkName(name);
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String q : queries) {
            String s = QueryLimits.check(q).strip();
            if (!s.isEmpty()) {
                distinct.add(s);
            }
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("query set '" + name + "' needs at least one non-blank query");
        }
        return store.querySets().create(name, "typed", List.copyOf(distinct));
    }

    /**
     * A set of a file's queries ({@link QueryFileReader}); the skipped lines come back as problems.
     *
     * @throws IllegalArgumentException when no line of the file holds a query
     */
    public QuerySetImport importFile(String name, Path file) {
        QuerySet.checkName(name);
        requireNew(name);
        ReadResult<List<String>> read;
        try {
            read = QueryFileReader.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read.value().isEmpty()) {
            throw new IllegalArgumentException("no query could be read from " + file
                    + (read.problems().isEmpty() ? " (it is empty)" : "; first problem: " + read.problems().getFirst()));
        }
        QuerySet set = store.querySets().create(name, "file " + file.getFileName(), read.value());
        return new QuerySetImport(set, read.problems());
    }

    /**
     * A set sampled from the search log's distinct queries.
     *
     * @throws IllegalArgumentException when the log has no query yet or size is below 1
     */
    public QuerySet sample(String name, QuerySampling strategy, int size, long seed) {
        QuerySet.checkName(name);
        if (size < 1) {
            throw new IllegalArgumentException("sample size must be >= 1, was " + size);
        }
        requireNew(name);
        List<QueryCount> logged = store.querySets().loggedQueries().stream()
                .filter(c -> c.query().codePointCount(0, c.query().length()) <= QueryLimits.MAX_QUERY_CHARS).toList();
        if (logged.isEmpty()) {
            throw new IllegalArgumentException("the search log has no queries to sample yet");
        }
        List<String> queries = QuerySampler.sample(logged, strategy, size, seed);
        String origin = "sample " + strategy.id() + " " + size
                + (strategy == QuerySampling.FREQUENT ? "" : " seed " + seed);
        return store.querySets().create(name, origin, queries);
    }

    public List<QuerySet> list() {
        return store.querySets().list();
    }

    public Optional<QuerySet> find(String name) {
        return store.querySets().find(name);
    }

    /** The set of that name, or an IllegalArgumentException listing the sets there are. */
    public QuerySet require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no query set named '" + name
                + "'; sets: " + list().stream().map(QuerySet::name).toList()));
    }

    public boolean delete(String name) {
        return store.querySets().delete(name);
    }

    /** Scores a set's results (query → item ids, best first) against judgments. */
    public QuerySetScores score(String name, Map<String, List<String>> results, JudgmentSource source) {
        QuerySet set = require(name);
        return scoring(source).score(set.name(), source.toString(), set.queries(), results);
    }

    /** Scores any queries' results against judgments; {@code label} names them in the result. */
    public QuerySetScores score(String label, List<String> queries, Map<String, List<String>> results,
                                JudgmentSource source) {
        return scoring(source).score(label, source.toString(), queries, results);
    }

    /** The judgments of a set's queries from a source: per query (its text) and item, the grade scoring uses. */
    public List<Judgment> setJudgments(String name, JudgmentSource source) {
        QuerySet set = require(name);
        SetScoring scoring = scoring(source);
        List<Judgment> out = new ArrayList<>();
        for (String q : set.queries()) {
            new java.util.TreeMap<>(scoring.grades(q)).forEach((item, grade) ->
                    out.add(new Judgment(q, item, grade, source.toString())));
        }
        return out;
    }

    /** Stores a run of a set with its scores' means. */
    public QuerySetRun saveRun(String name, String description, String snapshotJson, QuerySetScores scores) {
        require(name);
        return store.querySets().saveRun(new QuerySetRun(0, name, java.time.Instant.EPOCH, description,
                scores.judgments(), scores.meanNdcg(), scores.meanPrecision(), scores.meanMrr(), scores.unjudged(),
                snapshotJson));
    }

    /** A set's runs, oldest first. */
    public List<QuerySetRun> runs(String name) {
        require(name);
        return store.querySets().runs(name);
    }

    public Optional<QuerySetRun> run(long runId) {
        return store.querySets().run(runId);
    }

    private SetScoring scoring(JudgmentSource source) {
        return new SetScoring(judgments(source), q -> NORMALIZER.normalize(q).text());
    }

    /** The judgments of a source. */
    List<Judgment> judgments(JudgmentSource source) {
        List<Judgment> out = new ArrayList<>();
        if (source.kind() != JudgmentSource.Kind.IMPORTED) {
            out.addAll(JudgmentFiles.fromRatings(store.logReader().ratings()));
        }
        if (source.kind() != JudgmentSource.Kind.OWN) {
            List<Judgment> imported = store.judgments().all();
            if (source.kind() == JudgmentSource.Kind.IMPORTED) {
                TreeSet<String> sources = new TreeSet<>();
                imported.forEach(j -> sources.add(j.source()));
                if (sources.isEmpty()) {
                    throw new IllegalArgumentException("no judgments have been imported into this data folder "
                            + "(ltrr import judgments FILE), so there is no source '" + source.source() + "'");
                }
                if (!sources.contains(source.source())) {
                    throw new IllegalArgumentException("no imported judgments of source '" + source.source()
                            + "'; imported sources: " + sources);
                }
                imported = imported.stream().filter(j -> j.source().equals(source.source())).toList();
            }
            out.addAll(imported);
        }
        return out;
    }

    private void requireNew(String name) {
        if (store.querySets().find(name).isPresent()) {
            throw new IllegalArgumentException("a query set named '" + name + "' exists already");
        }
    }
}
