package io.ltrr.engine.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.context.ContextFeatures;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.LogPosition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A small workbench for the reliability tests: the hand-made test catalog, folding analysis and no embeddings
 * (so no model is loaded and a child JVM starts quickly).
 */
final class SmallWorkbench {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long SEED = 7L;
    static final List<String> QUERIES = List.of("love song", "ambient", "trip hop radio", "avalon", "tokyo rain",
            "quiet morning", "bass weight", "taylor", "valliam drift", "dub");

    private SmallWorkbench() {
    }

    /** Writes the catalog file {@code <dir>/catalog.jsonl} if needed and returns a config on {@code data}. */
    static WorkbenchConfig config(Path catalogDir, Path data) throws IOException {
        Path catalog = catalogDir.resolve("catalog.jsonl");
        if (!catalog.toFile().exists()) {
            SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(), catalog);
        }
        return config(catalog, data, SEED);
    }

    static WorkbenchConfig config(Path catalogFile, Path data, long seed) {
        return new WorkbenchConfig(data, CatalogSource.of(catalogFile),
                new IndexSettings(AnalyzerKind.FOLDING, false), ArmSettings.music(), seed);
    }

    /** Opens the workbench, building the index first when the folder has none. */
    static Workbench open(WorkbenchConfig config) {
        Workbench wb = Workbench.open(config);
        if (!wb.hasIndex()) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
        return wb;
    }

    /**
     * The state a policy has when rebuilt from the log alone: fresh, fed every pull of its own searches in close
     * order (ADR 0009), with the round counter after its newest logged search.
     */
    static String rebuiltFromLog(FeedbackStore store, String policyId, long seed) {
        SelectionPolicy policy = PolicyRegistry.standard().create(policyId, seed, ContextFeatures.NAMES,
                PolicyOptions.none());
        List<io.ltrr.engine.store.SearchPull> outcomes = new java.util.ArrayList<>();
        store.feedbackLog().replayPulls(o -> {
            if (o.policyId().equals(policyId)) {
                outcomes.add(o);
            }
        });
        outcomes.forEach(o -> policy.update(o.x(), o.chosenArms(), o.rewards()));
        long rounds = store.searchLog().lastRoundAfter(policyId, new LogPosition(0, 0)).orElse(-1) + 1;
        // The round counter lives in the snapshot envelope; the policy interface has no setter for it.
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(policy.snapshot());
            root.put("round", rounds);
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
