package io.ltrr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.index.VectorStatus;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.store.Impression;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first search does not wait for the embeddings (ADR 0013): after the lexical phase rounds run without the
 * {@code dense} arm — the policy is not offered it and the logged impression lists only the arms it was offered —
 * and once the background embedding completes the next round offers it. A cancelled embedding is resumed by the
 * next workbench on the folder.
 */
class DenseArmJoinsWhenVectorsAreReadyTest {
    @TempDir
    Path dir;

    private WorkbenchConfig config() throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(), catalog);
        return new WorkbenchConfig(dir.resolve("data"), CatalogSource.of(catalog),
                new IndexSettings(AnalyzerKind.FOLDING, true), ArmSettings.music(), 7L);
    }

    private static SearchResult search(Workbench wb, String query, int minute) {
        return wb.search(query, SearchContext.anonymous(LocalDateTime.of(2026, 1, 1, 12, minute)));
    }

    @Test
    void roundsOfferDenseOnlyOnceItsVectorsAreCompleteAndTheLogSaysWhatWasOffered() throws IOException {
        WorkbenchConfig config = config();
        try (Workbench wb = Workbench.open(config)) {
            IndexReport lexical = wb.index(false, false, ProgressListener.NONE, CancellationToken.none());
            assertThat(lexical.stats().fingerprint()).endsWith(IndexStats.VECTORS_PARTIAL);
            assertThat(wb.vectorStatus().pending()).isTrue();

            SearchResult before = search(wb, "love song", 0);
            assertThat(before.selection().propensity()).doesNotContainKey(DenseStrategy.ID).containsKey("bm25");
            assertThat(wb.armIds()).doesNotContain(DenseStrategy.ID);
            Impression logged = wb.impression(before.searchId()).orElseThrow();
            assertThat(logged.selection().propensity().keySet())
                    .isEqualTo(before.selection().propensity().keySet());

            VectorStatus done = wb.embedVectors(ProgressListener.NONE, CancellationToken.none());
            assertThat(done.complete()).isTrue();
            assertThat(wb.vectorStatus()).isEqualTo(done);

            SearchResult after = search(wb, "quiet ambient morning", 1);
            assertThat(after.selection().propensity()).containsKey(DenseStrategy.ID);
            assertThat(wb.armIds()).contains(DenseStrategy.ID);
            assertThat(wb.impression(after.searchId()).orElseThrow().selection().propensity())
                    .containsKey(DenseStrategy.ID);
            assertThat(wb.indexStats().orElseThrow().fingerprint()).endsWith(IndexStats.VECTORS_COMPLETE);
        }
    }

    @Test
    void aCancelledEmbeddingIsResumedByTheNextWorkbenchAndAnIndexCallFinishesIt() throws IOException {
        WorkbenchConfig config = config();
        try (Workbench wb = Workbench.open(config)) {
            wb.index(false, false, ProgressListener.NONE, CancellationToken.none());
            CancellationToken cancel = new CancellationToken();
            cancel.cancel();
            assertThatThrownBy(() -> wb.embedVectors(ProgressListener.NONE, cancel))
                    .isInstanceOf(CancellationException.class);
            assertThat(wb.vectorStatus().pending()).isTrue();
        }
        try (Workbench wb = Workbench.open(config)) {
            IndexReport report = wb.index(false, ProgressListener.NONE, CancellationToken.none());
            assertThat(report.rebuilt()).isTrue();
            assertThat(report.reason()).startsWith("embeddings resumed");
            assertThat(report.stats().hasVectors()).isTrue();
            assertThat(wb.index(false, ProgressListener.NONE, CancellationToken.none()).rebuilt()).isFalse();
        }
    }
}
