package io.ltrr.engine.compare.warmstart;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.PolicyStart;
import io.ltrr.engine.api.ResetTarget;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.folder.ScratchFolder;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.rank.RankedItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The warm start's measure (issue 23): the share of demo queries answered with a wanted item in the top k when
 * each is the first search of a fresh data folder, once with the policy as a new folder starts it (its prior) and
 * once after {@code policy reset --cold} (uniform), for several seeds (the workbench's seed: the policy's draws).
 *
 * <p>Per seed and start, one fresh folder: a scratch copy of the data folder's index (hard-linked) with a new empty
 * store and state. Before every query but the warm run's first the policy is reset to that start, so every query
 * meets the policy exactly as a new folder's first search does (round 0, nothing learned since the start); the
 * searches get no feedback, so nothing else learns from them (the click memory counts impressions per query, and
 * the demo queries are distinct).
 */
public final class WarmStartMeasure {
    /** The context of every measured search: an anonymous screen user on a weekday evening. */
    static final LocalDateTime WHEN = LocalDateTime.of(2026, 12, 7, 20, 0);

    private WarmStartMeasure() {
    }

    /** One start's figures. */
    public record StartResult(String start, PolicyStart policyStart, List<Double> shareBySeed, double meanShare,
                              double minShare, double maxShare, Map<String, Integer> seedsAnsweredByQuery) {
    }

    /** Both starts over the same queries and seeds. */
    public record Report(String policy, int k, List<Long> seeds, int queries, StartResult warm, StartResult cold) {
    }

    /**
     * @param base  the data folder's configuration (its index is used, never its store; the folder is not touched)
     * @param seeds the workbench seeds, one fresh folder per seed and start
     * @param k     the depth a wanted item must appear in
     */
    public static Report run(WorkbenchConfig base, List<DemoQuery> queries, List<Long> seeds, int k,
                             ProgressListener progress) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds must not be empty");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        long total = 2L * seeds.size() * queries.size();
        long[] done = {0};
        String[] policy = {""};
        StartResult warm = measure(base, queries, seeds, k, ResetTarget.PRIOR, policy, progress, done, total);
        StartResult cold = measure(base, queries, seeds, k, ResetTarget.UNIFORM, policy, progress, done, total);
        return new Report(policy[0], k, List.copyOf(seeds), queries.size(), warm, cold);
    }

    private static StartResult measure(WorkbenchConfig base, List<DemoQuery> queries, List<Long> seeds, int k,
                                       ResetTarget target, String[] policy, ProgressListener progress, long[] done,
                                       long total) {
        List<Double> shares = new ArrayList<>();
        Map<String, Integer> byQuery = new LinkedHashMap<>();
        queries.forEach(q -> byQuery.put(q.query(), 0));
        PolicyStart start = null;
        String label = target == ResetTarget.PRIOR ? "warm" : "cold";
        for (long seed : seeds) {
            try (ScratchFolder folder = freshCopy(base.dataDir())) {
                WorkbenchConfig config = new WorkbenchConfig(folder.path(), base.catalog(), base.indexSettings(),
                        base.armSettings(), seed, base.backend(), StoreChoice.h2());
                try (Workbench wb = Workbench.open(config)) {
                    if (!wb.hasIndex()) {
                        throw new IllegalStateException(base.dataDir() + " has no current index: run ltrr index first");
                    }
                    policy[0] = wb.policyId();
                    int answered = 0;
                    for (int i = 0; i < queries.size(); i++) {
                        if (i > 0 || target == ResetTarget.UNIFORM) {
                            wb.resetLearning(target);
                        }
                        if (i == 0) {
                            start = wb.policyStart();
                        }
                        DemoQuery q = queries.get(i);
                        SearchResult r = wb.search(q.query(), SearchContext.anonymous(WHEN));
                        if (q.answeredIn(r.results().stream().map(RankedItem::itemId).toList(), k)) {
                            answered++;
                            byQuery.merge(q.query(), 1, Integer::sum);
                        }
                        progress.progress("searching (" + label + ")", ++done[0], total);
                    }
                    shares.add((double) answered / queries.size());
                }
            }
        }
        double mean = shares.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double min = shares.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = shares.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new StartResult(label, start, List.copyOf(shares), mean, min, max, byQuery);
    }

    /** A scratch copy of the folder's indexes and settings, without its store, state or lock: a new folder. */
    static ScratchFolder freshCopy(Path dataDir) {
        ScratchFolder folder = ScratchFolder.copyOf(dataDir);
        try (Stream<Path> files = Files.list(folder.path())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("feedback.") || name.equals("workbench.json") || name.equals("store.json")) {
                    Files.delete(f);
                }
            }
            Path priors = dataDir.resolve("priors");
            if (Files.isDirectory(priors)) {
                Path to = Files.createDirectories(folder.path().resolve("priors"));
                try (Stream<Path> own = Files.list(priors)) {
                    for (Path p : own.filter(Files::isRegularFile).toList()) {
                        Files.copy(p, to.resolve(p.getFileName().toString()));
                    }
                }
            }
            return folder;
        } catch (IOException e) {
            folder.close();
            throw new UncheckedIOException("cannot make a fresh copy of " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
