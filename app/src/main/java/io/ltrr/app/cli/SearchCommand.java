package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.ArmSearch;
import io.ltrr.engine.api.SearchRequest;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.trace.StartupTrace;
import io.ltrr.engine.index.VectorStatus;
import io.ltrr.engine.retrieval.DenseStrategy;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ltrr search}: what each arm retrieves for a query. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "One bandit round: the policy's selection (arms, k_a, propensities), then the ranked results. "
                + "With --arm, each named arm's own results instead.")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    BackendOptions backendOptions;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The query text.")
    String query;

    @Option(names = "--arm", paramLabel = "ID",
            description = "Show this arm's own results instead of a bandit round (repeatable; nothing is logged).")
    List<String> arms = new ArrayList<>();

    @Option(names = "--k", paramLabel = "N", defaultValue = "10", description = "Results per arm with --arm (default: ${DEFAULT-VALUE}).")
    int k;

    @Mixin
    ContextOptions context;

    @Option(names = "--shown", defaultValue = "20", description = "Results shown in a bandit round (default: ${DEFAULT-VALUE}).")
    int shown;

    @Option(names = "--max-explore", paramLabel = "N", defaultValue = "2",
            description = "At most N results of the explore arm alone on the page, at positions 4, 8, … and marked "
                    + "(default: ${DEFAULT-VALUE}; 0 shows none).")
    int maxExplore;

    @Option(names = "--interleave", paramLabel = "A,B",
            description = "Show the team-draft interleaving of two rankers' rankings (an online comparison: each "
                    + "shown item is logged with its team, and clicks on it credit its ranker; ltrr interleave status).")
    String interleave;

    @Option(names = "--ranker", paramLabel = "ID",
            description = "Order this round by this ranker instead of the active one: rrf, pairwise, lambdamart, "
                    + "fusion or a fusion spec (fusion:l2:geometric, fusion:rrf:k=20, "
                    + "fusion:min-max:arithmetic:bm25=0.3,dense=0.7).")
    String ranker;

    @Override
    public Integer call() {
        StartupTrace.mark("search: command parsed");
        // Cheap checks first: a bad query, count or context is refused before the engine starts (seconds).
        if (k < 1 || k > SearchRequest.MAX_SHOWN) {
            throw new IllegalArgumentException("--k must be between 1 and " + SearchRequest.MAX_SHOWN + ", was " + k);
        }
        SearchRequest request = SearchRequest.of(query, context.context()).withShown(shown).withMaxExplore(maxExplore);
        Optional<RankerPair> pair = Optional.ofNullable(interleave).map(RankerPair::parse);
        if (pair.isPresent()) {
            if (!arms.isEmpty()) {
                throw new IllegalArgumentException("--interleave ranks a bandit round; it does not go with --arm");
            }
            request = request.withInterleave(pair.get());
        }
        if (ranker != null) {
            if (pair.isPresent() || !arms.isEmpty()) {
                throw new IllegalArgumentException("--ranker orders a bandit round; it does not go with --interleave or --arm");
            }
            request = request.withRanker(ranker);
        }
        try (Workbench wb = Workbench.open(storeOptions.apply(backendOptions.apply(
                WorkbenchConfig.defaults(common.dataDirCreatingIt()))))) {
            StartupTrace.mark("search: workbench open (folder locked, store open)");
            Optional<String> problem = checkIndexWhilePreparing(wb);
            if (problem.isPresent()) {
                System.err.println("ltrr: " + problem.get() + ": indexing the catalog into "
                        + common.dataDirCreatingIt() + " with the folder's settings");
                wb.index(false, new ProgressBar(System.err), CancellationToken.none());
            }
            if (!arms.isEmpty()) {
                // Diagnostic mode: the named arms' own lists, no bandit round, nothing logged.
                ArmSearch result = wb.searchArms(query, arms, k);
                if (common.json()) {
                    Json.print(System.out, ArmSearchJson.of(result));
                } else {
                    print(result, System.out);
                }
                return 0;
            }
            SearchRequest round = request;
            SearchResult result = StartupTrace.step("search: the round", () -> wb.search(round));
            // The running score, this search included (as a tie until it is clicked).
            Optional<InterleavingComparison> soFar = pair.map(wb::interleaving);
            if (common.json()) {
                Json.print(System.out, RoundJson.of(result, soFar));
            } else {
                result.warnings().forEach(w -> System.err.println("ltrr: warning: " + w));
                if (!result.selection().propensity().containsKey(DenseStrategy.ID)) {
                    denseNotYet(wb);
                }
                RoundText.print(result, soFar, System.out);
            }
            StartupTrace.mark("search: printed");
        }
        StartupTrace.mark("search: workbench closed");
        return 0;
    }

    /**
     * Verifies the index's checksums on a second thread while this one builds the live services (both read the
     * index; on two cores the check costs no wall time). A failure to build them on a damaged index is the
     * check's to report: the caller rebuilds the index, which rebuilds the services too.
     */
    private static Optional<String> checkIndexWhilePreparing(Workbench wb) {
        FutureTask<Optional<String>> check = new FutureTask<>(
                () -> StartupTrace.step("search: index checksums (second thread)", wb::indexProblem));
        Thread.ofPlatform().name("ltrr-index-check").daemon().start(check);
        RuntimeException preparing = null;
        try {
            StartupTrace.run("search: live services", wb::prepareSearch);
        } catch (RuntimeException e) {
            preparing = e; // no index yet, or a damaged one: the check says which
        }
        Optional<String> problem;
        try {
            problem = check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the index", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        if (problem.isEmpty() && preparing != null) {
            throw preparing;
        }
        return problem;
    }

    /** Says why the round did not offer {@code dense} when its vectors are still being embedded (ADR 0013). */
    private static void denseNotYet(Workbench wb) {
        VectorStatus v = wb.vectorStatus();
        if (v.pending()) {
            System.err.println("ltrr: the dense arm is not offered yet: vectors " + v.describe()
                    + " (ltrr index embeds the rest, resuming where it stopped)");
        }
    }

    private static void print(ArmSearch result, PrintStream out) {
        QueryAnalysis a = result.analysis();
        out.printf(Locale.ROOT, "query understanding: %s (confidence %.2f)%n", a.type().name().toLowerCase(Locale.ROOT),
                a.confidence());
        for (Interpretation in : a.interpretations()) {
            out.printf(Locale.ROOT, "  %.3f  %s%n", in.likelihood(), in.description());
        }
        for (Map.Entry<String, CandidateList> e : result.lists().entrySet()) {
            CandidateList list = e.getValue();
            out.printf(Locale.ROOT, "== %s  (%d results, %.1f ms)  %s%n", e.getKey(), list.size(),
                    result.micros().get(e.getKey()) / 1000.0, abbreviate(list.note(), 100));
            for (Candidate c : list.candidates()) {
                Item i = result.items().get(c.itemId());
                out.printf(Locale.ROOT, "%3d. %8.3f  %-7s %s%s%s%n", c.rank(), c.score(), i.type().key(),
                        i.title(), i.artist().isEmpty() || i.artist().equals(i.title()) ? "" : " — " + i.artist(),
                        i.year() > 0 ? " (" + i.year() + ")" : "");
            }
        }
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
