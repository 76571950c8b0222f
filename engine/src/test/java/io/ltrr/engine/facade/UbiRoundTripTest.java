package io.ltrr.engine.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.UbiExport;
import io.ltrr.engine.api.UbiImport;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.clicks.ClickSession;
import io.ltrr.engine.clicks.ClickSessions;
import io.ltrr.engine.context.Device;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.store.ImportedLog;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The own log written as UBI and imported back gives the click sessions the own log gives; a UBI log of another
 * system is matched against the catalog, and a source is only replaced when asked.
 */
class UbiRoundTripTest {
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 20, 12, 0);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Workbench open(Path data, boolean indexed) throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        if (!Files.exists(catalog)) {
            SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(),
                    catalog);
        }
        Workbench wb = Workbench.open(new WorkbenchConfig(data, CatalogSource.of(catalog),
                new IndexSettings(AnalyzerKind.FOLDING, false), ArmSettings.music(), 7L));
        if (indexed && !wb.hasIndex()) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
        return wb;
    }

    private static Path resource(String name) {
        try {
            return Path.of(UbiRoundTripTest.class.getResource("/ubi/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOwnLogExportedAsUbiAndImportedGivesTheSameClickSessions() throws IOException {
        Path data = dir.resolve("data");
        Path queries = dir.resolve("ubi_queries.ndjson");
        Path events = dir.resolve("ubi_events.ndjson");
        List<ClickSession> imported;
        try (Workbench wb = open(data, true)) {
            SearchContext ana = new SearchContext("ana", Device.SCREEN, NOON, Locale.UK, List.of());
            SearchResult first = wb.search("Love  Song!", ana);
            wb.click(first.searchId(), first.results().get(1).itemId());
            wb.click(first.searchId(), first.results().get(0).itemId());
            wb.click(first.searchId(), first.results().get(1).itemId());
            wb.rate(first.searchId(), first.results().get(0).itemId(), 2, "bo");
            SearchResult second = wb.search("ambient", SearchContext.anonymous(NOON.plusMinutes(1)));
            wb.rate(second.searchId(), second.results().getFirst().itemId(), null, "bo");
            wb.search("night drive", ana);

            UbiExport export = wb.ubi().exportLog(queries, events);
            assertThat(export.queries()).isEqualTo(3);
            assertThat(export.events()).isEqualTo(5);
            UbiImport report = wb.ubi().importLog(queries, events, "own", false);
            assertThat(report.imported()).isTrue();
            assertThat(report.problems()).isEmpty();
            assertThat(List.of(report.queries(), report.events(), report.clicks(), report.unplacedClicks(),
                    report.eventsOfUnknownQueries())).containsExactly(3, 5, 3, 0, 0);
            assertThat(report.catalogMatched()).isTrue();
            assertThat(report.unmatchedHitIds() + report.unmatchedObjectIds()).isZero();
            assertThat(report.replaced()).isEmpty();
            imported = wb.ubi().clickSessions("own");

            JsonNode query = JSON.readTree(Files.readAllLines(queries).getFirst());
            assertThat(query.get("query_id").asText()).isEqualTo(first.searchId());
            assertThat(query.get("user_query").asText()).isEqualTo("Love  Song!");
            assertThat(query.get("client_id").asText()).isEqualTo("ana");
            assertThat(query.get("query_response_hit_ids")).hasSize(first.results().size());
            assertThat(query.get("query_attributes").get("normalized_query").asText()).isEqualTo("love song");
            JsonNode canNotTell = JSON.readTree(Files.readAllLines(events).getLast());
            assertThat(canNotTell.get("action_name").asText()).isEqualTo("rating");
            assertThat(canNotTell.get("client_id").asText()).isEqualTo("bo");
            assertThat(canNotTell.get("event_attributes").get("grade").isNull()).isTrue();
            assertThat(canNotTell.get("event_attributes").get("position").get("ordinal").asInt()).isEqualTo(1);
        }
        try (H2FeedbackStore store = H2FeedbackStore.open(data)) {
            List<ClickSession> own = ClickSessions.fromLog(store.logReader());
            assertThat(own).hasSize(3);
            assertThat(own.getFirst().clicked()).containsExactly(1, 2);
            assertThat(imported).isEqualTo(own);
        }
    }

    @Test
    void anotherSystemsLogIsMatchedAgainstTheCatalogAndReplacedOnlyWhenAsked() throws IOException {
        Path data = dir.resolve("data");
        try (Workbench wb = open(data, true)) {
            String known = wb.items().getFirst().id();
            Path queries = dir.resolve("q.ndjson");
            Files.writeString(queries, """
                    {"query_id":"1","user_query":"x","query_response_hit_ids":["%s","nope-1","nope-2","nope-1"]}
                    {"query_id":"2","user_query":"y"}
                    """.formatted(known));
            Path events = dir.resolve("e.ndjson");
            String attributes = "\"event_attributes\":{\"object\":{\"object_id\":\"%s\"},\"position\":{\"ordinal\":9}}";
            Files.writeString(events, String.join("\n",
                    "{\"action_name\":\"click\",\"query_id\":\"1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                            + attributes.formatted("nope-3") + "}",
                    "{\"action_name\":\"click\",\"query_id\":\"3\",\"timestamp\":\"2025-01-01T00:00:01Z\","
                            + attributes.formatted(known) + "}"));
            UbiImport report = wb.ubi().importLog(queries, events, "shop", false);
            assertThat(List.of(report.queries(), report.events(), report.hits(), report.clicks(),
                    report.unplacedClicks(), report.eventsOfUnknownQueries())).containsExactly(2, 2, 4, 1, 1, 1);
            assertThat(report.catalogMatched()).isTrue();
            assertThat(report.unmatchedHitIds()).isEqualTo(2);
            assertThat(report.unmatchedObjectIds()).isEqualTo(1);
            assertThat(report.unmatchedExamples()).containsExactly("nope-1", "nope-2", "nope-3");

            assertThatThrownBy(() -> wb.ubi().importLog(resource("queries.ndjson"), resource("events.ndjson"),
                    "shop", false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("source 'shop' holds an imported log already (2 queries, 2 events")
                    .hasMessageContaining("--replace");
            UbiImport again = wb.ubi().importLog(resource("queries.ndjson"), resource("events.ndjson"), "shop", true);
            assertThat(again.replaced()).map(ImportedLog::queries).contains(2);
            assertThat(again.queries()).isEqualTo(4);
            assertThat(again.problems()).hasSize(11);
            assertThat(wb.ubi().imported()).extracting(ImportedLog::source, ImportedLog::queries)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("shop", 4));
            assertThat(wb.ubi().clickSessions("shop")).hasSize(4);
            assertThatThrownBy(() -> wb.ubi().clickSessions("other")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no UBI log imported as 'other'");
        }
    }

    @Test
    void withoutACatalogIndexNothingIsMatchedAndAFileWithoutAValidQueryStoresNothing() throws IOException {
        try (Workbench wb = open(dir.resolve("fresh"), false)) {
            UbiImport report = wb.ubi().importLog(resource("queries-array.json"), resource("events.ndjson"), "a",
                    false);
            assertThat(report.imported()).isTrue();
            assertThat(report.catalogMatched()).isFalse();
            assertThat(report.unmatchedHitIds()).isZero();

            Path empty = dir.resolve("none.ndjson");
            Files.writeString(empty, "{\"user_query\":\"no id\"}\n");
            UbiImport nothing = wb.ubi().importLog(empty, resource("events.ndjson"), "b", false);
            assertThat(nothing.imported()).isFalse();
            assertThat(nothing.problems()).extracting(p -> p.line() + " " + p.reason()).startsWith("1 no query_id");
            assertThat(wb.ubi().imported()).extracting(ImportedLog::source).containsExactly("a");
        }
    }
}
