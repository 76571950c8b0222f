package io.ltrr.engine.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.EvalReport;
import io.ltrr.engine.api.EvalRequest;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.Bm25Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval --train-split} on a tiny collection: 10 queries, each word in its relevant document's title and text
 * and once in an irrelevant filler's text (so every query has two candidates with different labels); split
 * {@code train} holds q1–q6, {@code test} q7–q10, {@code overlap} q1 and q7.
 */
class TrainSplitEvaluationTest {
    private static final String[] WORDS = {"aardvark", "zeppelin", "quasar", "glacier", "marimba", "tundra", "falcon",
            "nebula", "origami", "saffron"};

    @TempDir
    Path tmp;
    Workbench workbench;
    Path collection;

    @BeforeEach
    void open() throws IOException {
        collection = collection(tmp.resolve("tiny"), WORDS);
        workbench = Workbench.open(WorkbenchConfig.defaultsWithoutCatalog(tmp.resolve("data")));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private static Path collection(Path dir, String[] words) throws IOException {
        Files.createDirectories(dir.resolve("qrels"));
        List<String> corpus = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < WORDS.length; i++) {
            corpus.add("{\"_id\": \"d" + (i + 1) + "\", \"title\": \"On the " + WORDS[i] + "\", \"text\": \"A study of "
                    + "the " + WORDS[i] + " in some detail.\"}");
            corpus.add("{\"_id\": \"f" + (i + 1) + "\", \"title\": \"Filler " + i + "\", \"text\": \"Nothing much on "
                    + WORDS[i] + " or anything else here, at all.\"}");
            queries.add("{\"_id\": \"q" + (i + 1) + "\", \"text\": \"" + words[i] + "\"}");
        }
        Files.write(dir.resolve("corpus.jsonl"), corpus, StandardCharsets.UTF_8);
        Files.write(dir.resolve("queries.jsonl"), queries, StandardCharsets.UTF_8);
        qrels(dir, "train", 1, 6);
        qrels(dir, "test", 7, 10);
        Files.write(dir.resolve("qrels/overlap.tsv"), List.of("query-id\tcorpus-id\tscore", "q1\td1\t1", "q7\td7\t1"),
                StandardCharsets.UTF_8);
        return dir;
    }

    private static void qrels(Path dir, String split, int from, int to) throws IOException {
        List<String> lines = new ArrayList<>(List.of("query-id\tcorpus-id\tscore"));
        for (int q = from; q <= to; q++) {
            lines.add("q" + q + "\td" + q + "\t1");
        }
        Files.write(dir.resolve("qrels/" + split + ".tsv"), lines, StandardCharsets.UTF_8);
    }

    private EvalReport evaluate(List<String> rankers, EvalRequest.TrainingSplit training) {
        EvalRequest request = new EvalRequest(collection, "test", List.of("bm25", "structured"),
                List.of("ndcg@10"), 20, null, Bm25Config.beirFlat(), rankers).withTraining(training);
        return workbench.offline().evaluate(request, ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void trainsOnTheTrainingSplitAndScoresEveryQueryOfTheEvaluatedOne() {
        EvalReport r = evaluate(List.of("rrf", "fusion:sweep", "pairwise"), new EvalRequest.TrainingSplit(null, "train"));
        assertThat(r.queries()).isEqualTo(4);
        assertThat(r.scoredPart()).isEqualTo("all 4 judged queries of split test");
        assertThat(r.trainingQueries()).isEqualTo(6);
        assertThat(r.trainedOn()).isEqualTo("6 judged queries of split train");
        assertThat(r.arms()).extracting(EvalReport.ArmFigures::arm).hasSize(5);
        Map<String, Double> bm25 = r.arms().getFirst().metrics();
        assertThat(bm25.get("ndcg@10")).isEqualTo(1.0);
        assertThat(r.arms().get(3).arm()).startsWith("ranker:fusion:sweep → fusion:")
                .contains("on 6 queries");
        assertThat(r.arms().get(4).arm()).startsWith("ranker:pairwise (");
    }

    @Test
    void aTrainingSplitSharingAQueryIsRefused() {
        assertThatThrownBy(() -> evaluate(List.of("pairwise"), new EvalRequest.TrainingSplit(null, "overlap")))
                .hasMessageContaining("share query q7").hasMessageContaining("disjoint");
    }

    @Test
    void anotherCollectionsSplitTrainsWhenNoQueryTextIsShared() throws IOException {
        String[] other = WORDS.clone();
        for (int i = 0; i < other.length; i++) {
            other[i] = "the " + other[i] + " question";
        }
        Path elsewhere = collection(tmp.resolve("other"), other);
        EvalReport r = evaluate(List.of("fusion:sweep"), new EvalRequest.TrainingSplit(elsewhere, "overlap"));
        assertThat(r.queries()).isEqualTo(4);
        assertThat(r.trainingQueries()).isEqualTo(2);
        assertThat(r.trainedOn()).contains("split overlap of " + elsewhere);
        assertThatThrownBy(() -> evaluate(List.of("fusion:sweep"), new EvalRequest.TrainingSplit(collection(
                tmp.resolve("same-texts"), WORDS), "overlap"))).hasMessageContaining("same text");
    }

    @Test
    void withoutATrainingSplitALearningRankerScoresTheHeldOutFifthAndSaysSo() {
        EvalReport r = evaluate(List.of("pairwise"), null);
        assertThat(r.queries()).isEqualTo(1);
        assertThat(r.scoredPart()).isEqualTo("1 of 4 judged queries of split test: the 20 % held out of a seeded "
                + "80/20 split (seed 42)");
        assertThat(r.trainingQueries()).isEqualTo(3);
    }

    @Test
    void rankersThatLearnNothingAreScoredOnEveryQuery() {
        EvalReport r = evaluate(List.of("rrf", "fusion", "fusion:rrf:k=20"), null);
        assertThat(r.queries()).isEqualTo(4);
        assertThat(r.trainingQueries()).isZero();
        assertThat(r.scoredPart()).isEqualTo("all 4 judged queries of split test");
    }
}
