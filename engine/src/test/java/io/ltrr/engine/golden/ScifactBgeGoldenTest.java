package io.ltrr.engine.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.SharedData;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.EvalReport;
import io.ltrr.engine.api.EvalRequest;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.Bm25Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden regression of the second embedding model and of fusion (issue 23, ADR 0015): on SciFact's train split
 * (all 809 judged queries; nothing trains), the dense arm on a bge-small-en-v1.5 index and the untrained
 * {@code fusion} of bm25 + that dense arm must stay where {@code golden/scifact-train.json} says. Embedding the corpus
 * with bge takes minutes; {@code -Dltrr.golden.data=DIR} reuses a data folder that already holds the index.
 */
class ScifactBgeGoldenTest {
    @TempDir
    static Path temp;
    static JsonNode golden;
    static Workbench workbench;
    static EvalReport report;

    @BeforeAll
    static void evaluate() throws IOException {
        try (InputStream in = ScifactBgeGoldenTest.class.getResourceAsStream("/golden/scifact-train.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        String reuse = System.getProperty("ltrr.golden.data", "");
        Path data = reuse.isBlank() ? temp : Files.createDirectories(Path.of(reuse));
        workbench = Workbench.open(WorkbenchConfig.defaultsWithoutCatalog(data));
        EvalRequest request = new EvalRequest(SharedData.scifact(), "train", List.of("bm25", "dense"),
                EvalRequest.DEFAULT_METRICS, 100, null, Bm25Config.beirFlat(), List.of("fusion"))
                .withEmbeddingModel("bge-small");
        report = workbench.offline().evaluate(request, ProgressListener.NONE, CancellationToken.none());
    }

    @AfterAll
    static void close() {
        if (workbench != null) {
            workbench.close();
        }
    }

    private static void assertMatchesGolden(String key, EvalReport.ArmFigures figures) {
        JsonNode expected = golden.get("arms").get(key);
        assertThat(expected).as("golden entry " + key).isNotNull();
        double tolerance = expected.get("tolerance").asDouble();
        for (Map.Entry<String, Double> m : figures.metrics().entrySet()) {
            assertThat(m.getValue()).as(key + " " + m.getKey())
                    .isCloseTo(expected.get(m.getKey()).asDouble(), within(tolerance));
        }
    }

    @Test
    void everyQueryOfTheSplitIsScoredWhenNothingTrains() {
        assertThat(report.queries()).isEqualTo(golden.get("queries").asInt());
        assertThat(report.trainingQueries()).isZero();
    }

    @Test
    void bm25IsUnchangedByTheEmbeddingModel() {
        assertMatchesGolden("bm25", report.arms().get(0));
    }

    @Test
    void bgeSmallDenseArmMatchesTheGoldenFigure() {
        assertThat(report.arms().get(1).arm()).isEqualTo("dense");
        assertMatchesGolden("dense-bge-small", report.arms().get(1));
    }

    @Test
    void untrainedFusionOfBm25AndBgeMatchesTheGoldenFigure() {
        assertThat(report.arms().get(2).arm()).isEqualTo("ranker:fusion");
        assertMatchesGolden("fusion-bm25-dense-bge-small", report.arms().get(2));
    }
}
