package io.ltrr.engine.backend.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.BackendException;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.ShownItem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench end to end over OpenSearch, through its facade: the sample catalog indexed into the shared
 * server, a search and a click logged with the arms that ran, the folder remembering its backend, and a cluster
 * that goes away failing a search in one line without writing half a round into the store.
 */
class OpenSearchWorkbenchTest {
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 20, 12, 0);
    private static final String INDEX = "e2e-catalog";

    @TempDir
    static Path dir;
    private static Path data;
    private static IndexReport indexed;

    private static BackendChoice choice() {
        return BackendChoice.opensearch(OpenSearchTestServer.shared().url(), INDEX, "", null);
    }

    @BeforeAll
    static void indexTheSampleCatalog() {
        data = dir.resolve("data");
        WorkbenchConfig cfg = WorkbenchConfig.defaults(data).withCatalog(CatalogSource.sample())
                .withIndexSettings(IndexSettings.music().withEmbeddings(false)).withBackend(choice());
        try (Workbench wb = Workbench.open(cfg)) {
            indexed = wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
    }

    private static SearchContext ctx() {
        return SearchContext.anonymous(NOON);
    }

    @Test
    void theWholeSampleCatalogIsInTheClusterAndNotInTheFolder() {
        assertThat(indexed.rebuilt()).isTrue();
        assertThat(indexed.loaded()).isGreaterThan(10_000);
        assertThat(indexed.stats().items()).isEqualTo(indexed.loaded());
        assertThat(indexed.stats().hasVectors()).isFalse();
        try (OpenSearchClient client = new OpenSearchClient(
                new OpenSearchSettings(OpenSearchTestServer.shared().url(), INDEX, "", ""))) {
            assertThat(client.get("/" + INDEX + "/_count").path("count").asInt()).isEqualTo(indexed.loaded());
        }
        assertThat(new DataLayout(data).catalogIndex()).as("no embedded index was built").doesNotExist();
        assertThat(BackendChoice.read(new DataLayout(data).backend())).hasValueSatisfying(b ->
                assertThat(b.sameLocation(choice())).isTrue());
    }

    @Test
    void aSearchAndAClickAreLoggedWithTheArmsThatRan() {
        try (Workbench wb = Workbench.open(WorkbenchConfig.defaults(data).withBackend(choice()))) {
            assertThat(wb.armIds()).contains("bm25", "bm25-pop", "structured", "explore").doesNotContain("dense");
            Map<String, Long> before = wb.logCounts();

            SearchResult r = wb.search("love song", ctx());
            assertThat(r.results()).isNotEmpty();
            List<String> chosen = r.selection().chosen();
            assertThat(chosen).isNotEmpty();
            assertThat(wb.armIds()).containsAll(chosen);
            assertThat(r.lists().keySet()).containsExactlyInAnyOrderElementsOf(chosen);
            assertThat(r.results()).anySatisfy(ri -> assertThat(r.items().get(ri.itemId()).title())
                    .containsIgnoringCase("love"));
            RankedItem clicked = r.results().getFirst();
            FeedbackResult f = wb.click(r.searchId(), clicked.itemId());
            assertThat(f.chosenArms()).containsExactlyInAnyOrderElementsOf(chosen);

            assertThat(wb.logCounts()).containsEntry("searches", before.get("searches") + 1)
                    .containsEntry("clicks", before.get("clicks") + 1);
            List<LogEvent> events = wb.recentEvents(2, null, null);
            assertThat(events).extracting(LogEvent::kind).containsExactly(LogEvent.Kind.CLICK, LogEvent.Kind.SEARCH);
            assertThat(events).extracting(LogEvent::searchId).containsOnly(r.searchId());
            assertThat(events.getFirst().itemId()).isEqualTo(clicked.itemId());
            assertThat(events.get(1).detail()).contains("love song");

            Impression logged = wb.impression(r.searchId()).orElseThrow();
            assertThat(logged.query()).isEqualTo("love song");
            assertThat(logged.selection().chosen()).containsExactlyElementsOf(chosen);
            assertThat(logged.selection().propensity()).doesNotContainKey("dense");
            assertThat(logged.shown()).extracting(ShownItem::itemId)
                    .containsExactlyElementsOf(r.results().stream().map(RankedItem::itemId).toList());
            Set<String> provenance = new HashSet<>();
            logged.shown().forEach(s -> provenance.addAll(s.provenance().keySet()));
            assertThat(provenance).isNotEmpty().isSubsetOf(chosen);
            assertThat(logged.shown().getFirst().provenance().keySet()).isEqualTo(clicked.provenance().keySet());
        }
    }

    @Test
    void aReopenedFolderSearchesTheClusterItRemembers() {
        try (Workbench wb = Workbench.open(WorkbenchConfig.defaults(data))) {
            assertThat(wb.config().backend().kind()).isEqualTo(BackendChoice.OPENSEARCH);
            assertThat(wb.config().backend().sameLocation(choice())).isTrue();
            assertThat(wb.config().indexSettings().embeddings()).isFalse();
            assertThat(wb.hasIndex()).isTrue();
            long searches = wb.logCounts().get("searches");
            SearchResult r = wb.search("ambient", ctx());
            assertThat(r.results()).isNotEmpty();
            assertThat(wb.logCounts()).containsEntry("searches", searches + 1);
        }
        assertThat(new DataLayout(data).catalogIndex()).doesNotExist();
    }

    @Test
    void anUnreachableClusterFailsTheSearchInOneLineAndLogsNothing() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        BackendChoice gone = BackendChoice.opensearch("http://127.0.0.1:" + closed, INDEX, "", null);
        try (Workbench wb = Workbench.open(WorkbenchConfig.defaults(data).withBackend(gone))) {
            Map<String, Long> before = wb.logCounts();
            Throwable e = failure(() -> wb.search("love song", ctx()));
            assertThat(e).isInstanceOf(BackendException.class);
            assertThat(e.getMessage()).contains("cannot reach OpenSearch").doesNotContain("\n");
            assertThat(wb.logCounts()).isEqualTo(before);
        }
        assertThat(BackendChoice.read(new DataLayout(data).backend())).as("the folder still names the good cluster")
                .hasValueSatisfying(b -> assertThat(b.sameLocation(choice())).isTrue());
    }

    /** The cluster goes away after the workbench opened it: the next search fails, and the store is as it was. */
    @Test
    void aClusterThatGoesAwayMidSessionLeavesNoHalfWrittenRound() throws IOException {
        Path catalog = dir.resolve("small.jsonl");
        SampleCatalogWriter.write(TestCatalogs.music(), catalog);
        Path folder = dir.resolve("private");
        try (OpenSearchTestServer server = OpenSearchTestServer.startWithoutKnn()) {
            WorkbenchConfig cfg = WorkbenchConfig.defaults(folder).withCatalog(CatalogSource.of(catalog))
                    .withIndexSettings(new IndexSettings(AnalyzerKind.FOLDING, false))
                    .withBackend(BackendChoice.opensearch(server.url(), "e2e-private", "", null));
            try (Workbench wb = Workbench.open(cfg)) {
                wb.index(false, ProgressListener.NONE, CancellationToken.none());
                SearchResult first = wb.search("love song", ctx());
                assertThat(first.results()).isNotEmpty();
                Map<String, Long> before = wb.logCounts();
                List<LogEvent> eventsBefore = wb.recentEvents(10, null, null);
                assertThat(before).containsEntry("searches", 1L);

                server.close();

                Throwable e = failure(() -> wb.search("tokyo rain", ctx()));
                assertThat(e).isInstanceOf(BackendException.class);
                assertThat(e.getMessage()).contains("OpenSearch").contains(server.url()).doesNotContain("\n");
                assertThat(wb.logCounts()).isEqualTo(before);
                assertThat(wb.recentEvents(10, null, null)).isEqualTo(eventsBefore);
                assertThat(Files.exists(new DataLayout(folder).backend())).isTrue();
            }
        }
    }

    private static Throwable failure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the search to fail");
    }
}
