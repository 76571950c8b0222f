package io.ltrr.engine.ubi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.ltrr.engine.clicks.ClickSession;
import io.ltrr.engine.clicks.UbiClickSessions;
import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.MalformedFileException;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.store.UbiEvent;
import io.ltrr.engine.store.UbiLog;
import io.ltrr.engine.store.UbiQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UBI files as OpenSearch's plugin and other tools write them, with the mistakes real files have. */
class UbiReaderTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(UbiReaderTest.class.getResource("/ubi/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ndjsonQueriesAreReadAndEveryBadLineIsNamedByItsLine() throws IOException {
        Path file = resource("queries.ndjson");
        ReadResult<List<UbiQuery>> read = UbiReader.queries(file);

        assertThat(read.value()).extracting(UbiQuery::queryId).containsExactly("q-1", "q-2", "q-3", "q-7");
        UbiQuery first = read.value().getFirst();
        assertThat(first).isEqualTo(new UbiQuery("q-1", "Blue Train", "c-1", Instant.parse("2025-03-01T10:00:00Z"),
                "r-1", "{\"page\":1}", List.of("item-a", "item-b", "item-c")));
        assertThat(read.value().get(1).timestamp()).isEqualTo(Instant.parse("2025-03-01T09:01:00Z"));
        assertThat(read.value().get(2).hitIds()).containsExactly("101", "102");
        assertThat(read.value().get(2).timestamp()).isNull();
        assertThat(read.value().get(3)).isEqualTo(new UbiQuery("q-7", "from an index dump", null,
                Instant.parse("2025-03-01T10:02:00Z"), null, null, List.of()));

        assertThat(read.problems()).extracting(LoadProblem::file).containsOnly(file.toString());
        assertThat(read.problems()).extracting(LoadProblem::line).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(read.problems()).extracting(LoadProblem::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("not valid JSON"),
                r -> assertThat(r).isEqualTo("no query_id"),
                r -> assertThat(r).contains("query_id 'q-1' was given before (line 1)"),
                r -> assertThat(r).isEqualTo("query_response_hit_ids is not an array"),
                r -> assertThat(r).contains("'yesterday' is not an ISO 8601 date and time"),
                r -> assertThat(r).isEqualTo("not a JSON object"));
        assertThat(read.problems().getFirst().toString()).startsWith(file + ":5: not valid JSON");
    }

    @Test
    void ndjsonEventsKeepTheirPositionInEveryFormTheSchemasHad() throws IOException {
        ReadResult<List<UbiEvent>> read = UbiReader.events(resource("events.ndjson"));

        assertThat(read.value()).extracting(UbiEvent::actionName, UbiEvent::queryId, UbiEvent::objectId,
                UbiEvent::position).containsExactly(
                tuple("click", "q-1", "item-b", 2),
                tuple("impression", "q-1", "item-a", 1),
                tuple("click", "q-2", "item-d", null),
                tuple("click", "q-3", null, 2),
                tuple("click", "q-3", null, 1),
                tuple("click", "q-unknown", "item-x", null),
                tuple("page_exit", null, null, null));
        UbiEvent first = read.value().getFirst();
        assertThat(first.objectIdField()).isEqualTo("id");
        assertThat(first.attributesJson()).isEqualTo("{\"object\":{\"object_id\":\"item-b\",\"object_id_field\":"
                + "\"id\"},\"position\":{\"ordinal\":2}}");
        assertThat(read.value().get(3).timestamp()).isEqualTo(Instant.ofEpochMilli(1740823385000L));

        assertThat(read.problems()).extracting(LoadProblem::line, LoadProblem::reason).containsExactly(
                tuple(6L, "no timestamp"),
                tuple(7L, "position.ordinal is not an integer"),
                tuple(8L, "position ordinal 0 is not a 1-based position"),
                tuple(9L, "no action_name"),
                tuple(12L, read.problems().get(4).reason()));
        assertThat(read.problems().get(4).reason()).startsWith("not valid JSON");
    }

    @Test
    void aJsonArrayNamesABadElementByItsIndexAndTheLineItStartsOn() throws IOException {
        ReadResult<List<UbiQuery>> read = UbiReader.queries(resource("queries-array.json"));

        assertThat(read.value()).extracting(UbiQuery::queryId).containsExactly("q-1", "q-3");
        assertThat(read.value().getFirst().hitIds()).containsExactly("item-a", "item-b");
        assertThat(read.problems()).extracting(LoadProblem::line, LoadProblem::reason).containsExactly(
                tuple(7L, "element 2: not a JSON object"),
                tuple(8L, "element 3: no user_query"));
    }

    @Test
    void aFileThatIsNotNdjsonOrAWellFormedArrayIsRefusedWhole() {
        assertThatThrownBy(() -> UbiReader.queries(resource("broken-array.json")))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("broken-array.json:3:")
                .hasMessageContaining("not a well-formed JSON array")
                .hasMessageContaining("nothing of it was read");
        assertThatThrownBy(() -> UbiReader.queries(resource("not-ubi.csv")))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("not-ubi.csv:1: neither NDJSON (one JSON object a line) nor a JSON array");
        assertThatThrownBy(() -> UbiReader.events(resource("pretty-object.json")))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("is not NDJSON (one JSON object a line): no line of it is JSON (line 1: ");
    }

    @Test
    void anUnclosedArrayIsRefusedAndAnEmptyFileHoldsNothing() throws IOException {
        Path open = dir.resolve("open.json");
        Files.writeString(open, "[{\"action_name\":\"click\",\"timestamp\":\"2025-03-01T10:00:00Z\"},\n");
        assertThatThrownBy(() -> UbiReader.events(open)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("open.json");
        Path empty = dir.resolve("empty.ndjson");
        Files.writeString(empty, "\n  \n");
        assertThat(UbiReader.events(empty).value()).isEmpty();
        assertThat(UbiReader.events(empty).problems()).isEmpty();
    }

    @Test
    void aGzippedArrayWithAByteOrderMarkIsRead() throws IOException {
        Path gz = dir.resolve("queries.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(Files.readAllBytes(resource("queries-array.json")));
        }
        assertThat(UbiReader.queries(gz).value()).extracting(UbiQuery::queryId).containsExactly("q-1", "q-3");
    }

    @Test
    void theResourceFilesGiveClickSessionsWithClicksPlacedByIdOrOrdinal() throws IOException {
        UbiLog log = new UbiLog(UbiReader.queries(resource("queries.ndjson")).value(),
                UbiReader.events(resource("events.ndjson")).value());
        UbiClickSessions sessions = UbiClickSessions.of(log);

        assertThat(sessions.sessions()).containsExactly(
                new ClickSession("q-1", "blue train", List.of("item-a", "item-b", "item-c"), Set.of(2)),
                new ClickSession("q-2", "kind of blue", List.of("item-b", "item-d"), Set.of(2)),
                new ClickSession("q-3", "no time numeric hits", List.of("101", "102"), Set.of(1, 2)),
                new ClickSession("q-7", "from an index dump", List.of(), Set.of()));
        assertThat(sessions.clicks()).isEqualTo(4);
        assertThat(sessions.unplaced()).isZero();
        assertThat(sessions.unknownQuery()).isEqualTo(1);
    }
}
