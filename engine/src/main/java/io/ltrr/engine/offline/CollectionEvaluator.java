package io.ltrr.engine.offline;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.backend.Backends;
import io.ltrr.engine.api.EvalReport;
import io.ltrr.engine.api.EvalRequest;
import io.ltrr.engine.catalog.BeirCorpusReader;
import io.ltrr.engine.catalog.LoadResult;
import io.ltrr.engine.embed.EmbeddingModelKind;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.eval.BeirCollection;
import io.ltrr.engine.eval.Evaluator;
import io.ltrr.engine.eval.Metric;
import io.ltrr.engine.eval.RankOrder;
import io.ltrr.engine.eval.Run;
import io.ltrr.engine.eval.RunEvaluation;
import io.ltrr.engine.eval.TrecRun;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.CatalogBackend;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Evaluates arms on a BEIR collection: indexes its corpus (once, under the data folder, English analysis as
 * Anserini's BEIR flat baseline), runs every judged query of the split through each arm, and computes the
 * metrics exactly as trec_eval does (ties broken by document id, descending).
 */
public final class CollectionEvaluator {
    private final DataLayout layout;
    private final Supplier<TextEmbedder> embedder;
    private final long seed;

    private final BackendChoice backend;

    CollectionEvaluator(DataLayout layout, Supplier<TextEmbedder> embedder, long seed, BackendChoice backend) {
        this.layout = layout;
        this.backend = backend;
        this.embedder = embedder;
        this.seed = seed;
    }

    public EvalReport evaluate(EvalRequest request, ProgressListener progress, CancellationToken cancel) throws IOException {
        BeirCollection collection = request.split() == null ? BeirCollection.load(request.collection())
                : BeirCollection.load(request.collection(), request.split());
        LoadResult corpus = new BeirCorpusReader().read(request.collection());
        if (corpus.loaded() == 0) {
            throw new IllegalArgumentException("the corpus of " + request.collection() + " has no loadable document");
        }
        boolean dense = request.arms().contains(DenseStrategy.ID);
        ArmSettings armSettings = new ArmSettings(request.bm25(), ArmSettings.collection().popularity());
        IndexSettings settings = IndexSettings.englishCollection().withEmbeddings(dense)
                .withEmbeddingModel(request.embeddingModel());
        try (CatalogBackend index = Backends.collection(backend, layout, indexName(request.collection(), settings),
                corpus.items(), settings, armSettings.bm25(), embedder, progress, cancel)) {
            CatalogTagger tagger = CatalogTagger.build(corpus.items());
            Map<String, RetrievalStrategy> arms = index.arms(armSettings, tagger, null, null);
            ArmRegistry.requireKnown(request.arms(), arms);
            EvaluationPlan plan = EvaluationPlan.of(request, collection, judgedQueries(collection), seed);
            List<EvalReport.ArmFigures> figures = new ArrayList<>();
            for (String armId : request.arms()) {
                figures.add(evaluateArm(arms.get(armId), plan.scored(), plan.scoredQrels(), request,
                        text -> new RetrievalRequest(text, seed), progress, cancel));
            }
            if (!request.rankers().isEmpty()) {
                figures.addAll(RankerEvaluation.evaluate(request, plan, arms,
                        new io.ltrr.engine.ltr.FeatureExtractor(index, null), tagger, seed, progress, cancel));
            }
            return new EvalReport(request.collection().toString(), collection.split(), plan.scored().size(),
                    index.size(), figures, plan.scoredPart(), plan.train().size(), plan.trainedOn());
        }
    }

    /**
     * One arm's run over the queries (qid → text) and its mean metrics; writes the run file when requested.
     *
     * @param requests the retrieval request of a query text
     */
    public static EvalReport.ArmFigures evaluateArm(RetrievalStrategy arm, Map<String, String> queries,
                                             io.ltrr.engine.eval.Qrels qrels, EvalRequest request,
                                             java.util.function.Function<String, RetrievalRequest> requests,
                                             ProgressListener progress, CancellationToken cancel) throws IOException {
        long start = System.nanoTime();
        Run.Builder run = Run.builder();
        int done = 0;
        for (Map.Entry<String, String> q : queries.entrySet()) {
            cancel.throwIfCancelled();
            for (Candidate c : arm.retrieve(requests.apply(q.getValue()), request.depth()).candidates()) {
                run.add(q.getKey(), c.itemId(), c.score());
            }
            progress.progress("eval " + arm.id(), ++done, queries.size());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Run built = run.build();
        List<Metric> metrics = Metric.parseAll(request.metrics());
        RunEvaluation evaluation = Evaluator.evaluate(built, qrels, metrics, RankOrder.TREC_EVAL);
        Map<String, Double> means = new LinkedHashMap<>();
        for (Metric m : metrics) {
            means.put(m.name(), evaluation.mean(m.name()));
        }
        String runFile = "";
        if (request.runFile() != null) {
            Path file = runFileFor(request.runFile(), arm.id(), request.arms().size() > 1);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                TrecRun.write(built, "ltrr-" + arm.id(), w);
            }
            runFile = file.toString();
        }
        return new EvalReport.ArmFigures(arm.id(), means, runFile, millis);
    }

    /** The split's queries that have at least one relevant judgment, in file order. */
    static Map<String, String> judgedQueries(BeirCollection collection) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String qid : collection.qrels().queryIds()) {
            String text = collection.queries().get(qid);
            if (text != null && collection.qrels().relevantCount(qid) > 0) {
                out.put(qid, text);
            }
        }
        return out;
    }

    public static Path runFileFor(Path requested, String armId, boolean several) {
        if (!several) {
            return requested;
        }
        String name = requested.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String withArm = dot > 0 ? name.substring(0, dot) + "." + armId + name.substring(dot) : name + "." + armId;
        return requested.resolveSibling(withArm);
    }

    /**
     * A folder name per collection path: readable, and distinct for two collections of the same name; an index of
     * another embedding model than the default has its own folder, so switching models does not re-embed.
     */
    private static String indexName(Path collection, IndexSettings settings) {
        Path abs = collection.toAbsolutePath().normalize();
        String model = settings.embeddings() && settings.embeddingModel() != EmbeddingModelKind.defaultModel()
                ? "-" + settings.embeddingModel().cliName() : "";
        return abs.getFileName() + "-" + Integer.toHexString(abs.toString().hashCode()) + model;
    }
}
