package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.compare.ConfigComparison;
import io.ltrr.engine.compare.Configuration;
import io.ltrr.engine.compare.QuerySetBench;
import io.ltrr.engine.compare.RankChange;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ltrr queryset export|compare}. */
final class QuerySetCompareCommands {
    private QuerySetCompareCommands() {
    }

    /** {@code ltrr queryset export NAME --format quepid|trec-qrels|trec-run --out F}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the set's judgments as a Quepid CSV (query,docid,rating) or TREC qrels (qids are "
                    + "the query text with spaces as %%20), or a run's results as a TREC run (the latest run, or --run).")
    static final class Export implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--format", required = true, paramLabel = "F", description = "quepid, trec-qrels or trec-run")
        String format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write")
        Path out;

        @Option(names = "--judgments", paramLabel = "SOURCE", defaultValue = "all",
                description = "for quepid and trec-qrels: " + QuerySetScoreCommands.JUDGMENTS_HELP)
        String judgments;

        @Option(names = "--run", paramLabel = "ID", description = "for trec-run: the run (default: the latest)")
        Long run;

        @Override
        public Integer call() {
            QuerySetBench.Export f = QuerySetBench.Export.parse(format);
            JudgmentSource source = JudgmentSource.parse(judgments);
            try (Workbench wb = QuerySetCommand.open(common, storeOptions);
                 Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                QuerySetBench.export(wb, name, f, source, run, w);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            long lines;
            try (var l = Files.lines(out, StandardCharsets.UTF_8)) {
                lines = l.count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String fmt = format.strip().toLowerCase(Locale.ROOT);
            if (common.json()) {
                Json.print(System.out, new QuerySetJson.Exported(name, fmt, out.toAbsolutePath().toString(), lines));
            } else {
                System.out.printf(Locale.ROOT, "wrote %d lines of %s to %s%n", lines, fmt, out.toAbsolutePath());
            }
            return 0;
        }
    }

    /** {@code ltrr queryset compare NAME --a CONFIG --b CONFIG}. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compares two configurations over the set's queries (or one --query): per query Jaccard@10, "
                    + "RBO, rank changes (↑ up, ↓ down, + new, − gone) and each side's nDCG@10, P@10, MRR@10 with "
                    + "the change B − A, biggest change first. CONFIG is current, arms=A,B[;ranker=R[@V]], "
                    + "ranker=R[@V] (V: a saved model version), "
                    + "run=ID (a stored run) or file=SNAP.json (a saved snapshot).")
    static final class Compare implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the query set")
        String name;

        @Option(names = "--query", paramLabel = "Q", description = "compare this one query instead of a whole set")
        String query;

        @Option(names = "--a", required = true, paramLabel = "CONFIG", description = "configuration A (before)")
        String a;

        @Option(names = "--b", required = true, paramLabel = "CONFIG", description = "configuration B (after)")
        String b;

        @Option(names = "--judgments", paramLabel = "SOURCE", defaultValue = "all",
                description = QuerySetScoreCommands.JUDGMENTS_HELP)
        String judgments;

        @Option(names = "--sort", paramLabel = "M", defaultValue = "ndcg",
                description = "order queries by the biggest change of: ndcg, precision, mrr, jaccard or rbo "
                        + "(default: ${DEFAULT-VALUE})")
        String sort;

        @Override
        public Integer call() {
            if (name == null && query == null) {
                throw new IllegalArgumentException("queryset compare needs a set NAME or --query Q");
            }
            ConfigComparison.Measure measure = measure(sort);
            Configuration ca = Configuration.parse(a);
            Configuration cb = Configuration.parse(b);
            JudgmentSource source = JudgmentSource.parse(judgments);
            ConfigComparison c;
            try (Workbench wb = QuerySetCommand.open(common, storeOptions)) {
                c = QuerySetBench.compare(wb, name, query, ca, cb, source, ProgressListener.NONE,
                        CancellationToken.none());
            }
            if (common.json()) {
                Json.print(System.out, QuerySetJson.Compared.of(name, query, c, measure));
            } else {
                print(c, measure);
            }
            return 0;
        }

        private static void print(ConfigComparison c, ConfigComparison.Measure measure) {
            System.out.printf(Locale.ROOT, "A = %s%nB = %s%n", c.a(), c.b());
            for (ConfigComparison.QueryComparison q : c.byBiggestChange(measure)) {
                System.out.printf(Locale.ROOT, "%-40s jaccard@10 %.3f  rbo %.3f  ndcg@10 %.3f -> %.3f (%+.3f)%n",
                        q.query(), q.diff().jaccard(), q.diff().rbo(), q.scoreA().ndcg(), q.scoreB().ndcg(),
                        q.delta(ConfigComparison.Measure.NDCG));
                for (RankChange ch : q.diff().changes()) {
                    if (ch.kind() != RankChange.Kind.SAME) {
                        System.out.printf(Locale.ROOT, "    %s %-5s %-30s %s -> %s%n", SnapshotCommand.arrow(ch),
                                ch.kind().name().toLowerCase(Locale.ROOT), ch.itemId(),
                                ch.rankA() == null ? "-" : ch.rankA(), ch.rankB() == null ? "-" : ch.rankB());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "mean over %d queries: jaccard@10 %s  rbo %s  ndcg@10 %s -> %s  "
                            + "p@10 %s -> %s  mrr@10 %s -> %s (judgments %s)%n", c.queries().size(),
                    f(c.diff().meanJaccard()), f(c.diff().meanRbo()), f(c.scoresA().meanNdcg()),
                    f(c.scoresB().meanNdcg()), f(c.scoresA().meanPrecision()), f(c.scoresB().meanPrecision()),
                    f(c.scoresA().meanMrr()), f(c.scoresB().meanMrr()), c.scoresA().judgments());
            if (!c.diff().onlyInA().isEmpty() || !c.diff().onlyInB().isEmpty()) {
                System.out.println("only in A: " + c.diff().onlyInA() + "; only in B: " + c.diff().onlyInB());
            }
        }

        private static String f(double v) {
            return QuerySetScoreCommands.figure(v);
        }

        private static ConfigComparison.Measure measure(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "ndcg" -> ConfigComparison.Measure.NDCG;
                case "precision", "p" -> ConfigComparison.Measure.PRECISION;
                case "mrr" -> ConfigComparison.Measure.MRR;
                case "jaccard" -> ConfigComparison.Measure.JACCARD;
                case "rbo" -> ConfigComparison.Measure.RBO;
                default -> throw new IllegalArgumentException("--sort must be ndcg, precision, mrr, jaccard or rbo, "
                        + "was '" + text + "'");
            };
        }
    }
}
