package io.ltrr.engine.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.api.EvalReport;
import io.ltrr.engine.api.EvalRequest;
import io.ltrr.engine.SharedData;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.Bm25Config;
import io.ltrr.engine.retrieval.MemoryStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden regression (Anserini style): every arm's figures on SciFact (train split, 809 queries) must stay
 * where {@code golden/scifact-train.json} says, within its stated tolerance. A change in figures is explained
 * in docs/regressions.md and the golden file updated in the same commit.
 */
class ScifactGoldenTest {
    @TempDir
    static Path data;
    static JsonNode golden;
    static Workbench workbench;

    @BeforeAll
    static void open() throws IOException {
        try (InputStream in = ScifactGoldenTest.class.getResourceAsStream("/golden/scifact-train.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        workbench = Workbench.open(WorkbenchConfig.defaultsWithoutCatalog(data));
    }

    /** Closed before JUnit deletes the folder: an open store may still write there while it is being deleted. */
    @AfterAll
    static void close() {
        if (workbench != null) {
            workbench.close();
        }
    }

    private static EvalReport evaluate(List<String> arms, Bm25Config bm25) {
        EvalRequest request = new EvalRequest(SharedData.scifact(), "train", arms, EvalRequest.DEFAULT_METRICS, 100,
                null, bm25);
        return workbench.offline().evaluate(request, ProgressListener.NONE, CancellationToken.none());
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
    void everyArmMatchesTheGoldenFiguresOnSciFactTrain() {
        // every arm but the click memory and the rewrites, which learn from a feedback log
        List<String> arms = ArmRegistry.IDS.stream()
                .filter(a -> !a.equals(MemoryStrategy.ID) && !a.equals(io.ltrr.engine.retrieval.RewriteStrategy.ID))
                .toList();
        EvalReport report = evaluate(arms, Bm25Config.beirFlat());
        assertThat(report.queries()).isEqualTo(golden.get("queries").asInt());
        assertThat(report.documents()).isEqualTo(golden.get("documents").asInt());
        for (EvalReport.ArmFigures arm : report.arms()) {
            assertMatchesGolden(arm.arm(), arm);
        }
    }

    @Test
    void bm25FlatReproducesTheAnseriniFigure() {
        EvalReport.ArmFigures bm25 = evaluate(List.of("bm25"), Bm25Config.beirFlat()).arms().getFirst();
        assertThat(bm25.metrics().get("ndcg@10")).isCloseTo(0.6974, within(0.0005));
    }

    @Test
    void bm25WithSeparateTitleAndTextFieldsReproducesTheMultifieldFigure() {
        EvalReport.ArmFigures bm25 = evaluate(List.of("bm25"), Bm25Config.beirMultifield()).arms().getFirst();
        assertThat(bm25.metrics().get("ndcg@10")).isCloseTo(0.6734, within(0.0005));
        assertMatchesGolden("bm25-multifield", bm25);
    }
}
