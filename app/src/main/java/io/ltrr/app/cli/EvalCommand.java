package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.EvalReport;
import io.ltrr.engine.api.EvalRequest;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.retrieval.Bm25Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ltrr eval}: offline evaluation of arms on a BEIR-format collection, or of the catalog's arms against
 * judgments imported into the data folder.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate arms on a BEIR-format collection (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv), or "
                + "the indexed catalog's arms against imported judgments (--judgments SOURCE): nDCG@10, MRR@10, "
                + "recall@100.")
final class EvalCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    BackendOptions backendOptions;

    @Option(names = "--collection", paramLabel = "DIR", description = "The collection folder.")
    Path collection;

    @Option(names = "--judgments", paramLabel = "SOURCE",
            description = "Instead of a collection: the data folder's catalog against the judgments imported with "
                    + "'ltrr import judgments' (the source name given there, by default the file name, or 'all'). "
                    + "Query ids in the run file are the query text as 'ltrr export qrels' writes it.")
    String judgments;

    @Option(names = "--split", paramLabel = "NAME", description = "Qrels split (default: test, else the only one).")
    String split;

    @Option(names = "--arm", required = true, paramLabel = "ID", description = "Arm to evaluate (repeatable).")
    List<String> arms = new ArrayList<>();

    @Option(names = "--ranker", paramLabel = "ID",
            description = "Also evaluate this ranker over the union of the arms' candidates (repeatable): rrf, pairwise, "
                    + "lambdamart, fusion (min-max, arithmetic mean, equal weights), a fusion spec (fusion:l2:geometric, "
                    + "fusion:rrf:k=20, fusion:min-max:arithmetic:bm25=0.3,dense=0.7) or fusion:sweep (technique and "
                    + "weights learned on the training queries). Without --train-split, when a ranker learns, queries "
                    + "are split 80/20 (seeded), it trains on the 80 %%, every figure is on the 20 %%.")
    List<String> rankers = new ArrayList<>();

    @Option(names = "--train-split", paramLabel = "NAME",
            description = "Train rankers and fusion weights on this qrels split instead (of the collection, or of "
                    + "--train-collection) and score every configuration on every query of the evaluated split; "
                    + "the two must share no query.")
    String trainSplit;

    @Option(names = "--train-collection", paramLabel = "DIR",
            description = "The collection whose --train-split trains (default: the evaluated one); its queries are "
                    + "retrieved from the evaluated corpus.")
    Path trainCollection;

    @Option(names = "--embedding-model", paramLabel = "NAME", defaultValue = "minilm",
            description = "Embedding model of the collection index's vectors (the dense arm): minilm or bge-small "
                    + "(default: ${DEFAULT-VALUE}).")
    String embeddingModel;

    @Option(names = "--k", paramLabel = "N", defaultValue = "10",
            description = "Cutoff of nDCG and MRR (default: ${DEFAULT-VALUE}); recall is at 100.")
    int k;

    @Option(names = "--metric", paramLabel = "NAME", description = "Metric instead of the defaults (repeatable), e.g. ndcg@20.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--run", paramLabel = "FILE", description = "Write a TREC run file (arm id added when several arms).")
    Path run;

    @Option(names = "--bm25-fields", paramLabel = "SPEC", defaultValue = "all",
            description = "Fields and boosts of the lexical arms (default: ${DEFAULT-VALUE}, title+text in one field; "
                    + "'title,text' for separate fields).")
    String bm25Fields;

    @Option(names = "--k1", defaultValue = "0.9", description = "BM25 k1 (default: ${DEFAULT-VALUE}).")
    double k1;

    @Option(names = "--b", defaultValue = "0.4", description = "BM25 b (default: ${DEFAULT-VALUE}).")
    double b;

    @Override
    public Integer call() {
        List<String> names = metrics.isEmpty()
                ? List.of("ndcg@" + k, "mrr@" + k, "recall@100") : metrics;
        if ((collection == null) == (judgments == null)) {
            throw new IllegalArgumentException("eval needs either --collection DIR or --judgments SOURCE (not both)");
        }
        int depth = Math.max(100, deepest(names));
        if (judgments != null && split != null) {
            throw new IllegalArgumentException("--split is for collections; with --judgments name the source instead");
        }
        if (judgments != null && (trainSplit != null || trainCollection != null)) {
            throw new IllegalArgumentException("--train-split and --train-collection are for collections, not --judgments");
        }
        if (judgments != null) {
            try (Workbench wb = Workbench.openForReading(backendOptions.apply(WorkbenchConfig.defaults(common.existingDataDir())))) {
                wb.readingCopyOf().ifPresent(System.err::println);
                EvalReport report = wb.offline().evaluateJudgments(judgments, arms, names, depth, run, rankers,
                        new ProgressBar(System.err), CancellationToken.none());
                output(report, names);
            }
            return 0;
        }
        if (trainCollection != null && trainSplit == null) {
            throw new IllegalArgumentException("--train-collection needs --train-split NAME (the split to train on)");
        }
        EvalRequest request = new EvalRequest(collection, split, arms, names, depth, run,
                new Bm25Config(k1, b, Bm25Config.parseFields(bm25Fields)), rankers)
                .withEmbeddingModel(embeddingModel)
                .withTraining(trainSplit == null ? null : new EvalRequest.TrainingSplit(trainCollection, trainSplit));
        try (Workbench wb = Workbench.openForReading(backendOptions.apply(WorkbenchConfig.defaultsWithoutCatalog(common.dataDir())))) {
            wb.readingCopyOf().ifPresent(System.err::println);
            EvalReport report = wb.offline().evaluate(request, new ProgressBar(System.err), CancellationToken.none());
            output(report, names);
        }
        return 0;
    }

    private void output(EvalReport report, List<String> names) {
        if (common.json()) {
            Json.print(System.out, EvalJson.of(report));
        } else {
            print(report, names);
        }
    }

    private static int deepest(List<String> names) {
        int max = 0;
        for (String n : names) {
            int at = n.indexOf('@');
            if (at > 0) {
                try {
                    max = Math.max(max, Integer.parseInt(n.substring(at + 1).trim()));
                } catch (NumberFormatException ignored) {
                    // the engine rejects the metric name with a clear message
                }
            }
        }
        return max;
    }

    /** The JSON form of an evaluation: each arm's metrics as keys named like the metrics (ndcg@10, …). */
    record EvalJson(String collection, String split, int queries, String scoredQueries, int trainingQueries,
                    String trainedOn, int documents, List<ArmJson> arms) {
        static EvalJson of(EvalReport r) {
            return new EvalJson(r.collection(), r.split(), r.queries(), r.scoredPart(), r.trainingQueries(),
                    r.trainedOn(), r.documents(), r.arms().stream()
                    .map(a -> new ArmJson(a.arm(), a.metrics(), a.runFile(), a.millis())).toList());
        }
    }

    /** One arm's figures; the metrics sit between the arm and its run file. */
    record ArmJson(String arm, @JsonAnyGetter Map<String, Double> metrics, String runFile, long elapsedMs) {
    }

    private static void print(EvalReport r, List<String> names) {
        System.out.printf(Locale.ROOT, "collection %s, split %s: %d queries, %d documents%n", r.collection(),
                r.split(), r.queries(), r.documents());
        System.out.printf(Locale.ROOT, "scored: %s%n", r.scoredPart());
        if (r.trainingQueries() > 0) {
            System.out.printf(Locale.ROOT, "trained on: %s%n", r.trainedOn());
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s", "arm"));
        names.forEach(n -> header.append(String.format(Locale.ROOT, "%12s", n)));
        System.out.println(header);
        for (EvalReport.ArmFigures a : r.arms()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s", a.arm()));
            a.metrics().values().forEach(v -> line.append(String.format(Locale.ROOT, "%12.4f", v)));
            if (!a.runFile().isEmpty()) {
                line.append("   run: ").append(a.runFile());
            }
            System.out.println(line);
        }
    }
}
