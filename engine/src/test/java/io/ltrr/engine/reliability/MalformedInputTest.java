package io.ltrr.engine.reliability;

import io.ltrr.engine.catalog.BeirCorpusReader;
import io.ltrr.engine.catalog.ColumnMapping;
import io.ltrr.engine.catalog.CsvCatalogReader;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.catalog.JsonlCatalogReader;
import io.ltrr.engine.catalog.LoadResult;
import io.ltrr.engine.catalog.MalformedCatalogException;
import io.ltrr.engine.catalog.SampleCatalogReader;
import io.ltrr.engine.eval.BeirQueries;
import io.ltrr.engine.eval.QrelsFiles;
import io.ltrr.engine.eval.ScoredDoc;
import io.ltrr.engine.eval.TrecRun;
import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Malformed input for every loader of catalogs and evaluation files: bad encodings, bad shapes, empty and missing
 * files. Each case is written as raw bytes, so encodings and line endings are exactly what the case says, and
 * checks the exact lines of the problems and the invariant that loaded + skipped equals the data rows of the file.
 */
class MalformedInputTest {

    /** 0xC3 opens a two-byte sequence that '(' cannot continue: the classic invalid UTF-8 pair. */
    private static final byte[] INVALID = {(byte) 0xC3, '('};
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String BAD_MARK = "BAD";

    @TempDir
    Path dir;

    /** What one read produced, reduced to what the cases compare. */
    record Outcome(int loaded, List<LoadProblem> problems, List<String> ids) {
        static Outcome of(LoadResult r) {
            return new Outcome(r.loaded(), r.problems(), r.items().stream().map(Item::id).toList());
        }

        static Outcome of(ReadResult<?> r, int loaded, List<String> ids) {
            return new Outcome(loaded, r.problems(), ids);
        }

        List<Long> lines() {
            return problems.stream().map(LoadProblem::line).toList();
        }
    }

    @FunctionalInterface
    interface Loader {
        Outcome load(Path file) throws IOException;
    }

    /**
     * One loader with how to write a row for it. {@code row(id)} is a valid data line whose first identifier is
     * {@code id}; {@code badShape} is a line the loader must reject for its structure.
     */
    enum Kind {
        SAMPLE_JSONL("catalog.jsonl", null,
                "{\"id\":\"%s\",\"type\":\"track\",\"title\":\"Song\"}", "[\"not\",\"an\",\"object\"]",
                f -> Outcome.of(new SampleCatalogReader().read(f))),
        CSV_MAPPED("catalog.csv", "track_id,name,year",
                "%s,Song,1999", "t9,Song,1999,extra",
                f -> Outcome.of(new CsvCatalogReader(ColumnMapping.parse("id=track_id,title=name")).read(f))),
        JSONL_MAPPED("catalog.jsonl", null,
                "{\"key\":\"%s\",\"name\":\"Song\"}", "42",
                f -> Outcome.of(new JsonlCatalogReader(ColumnMapping.parse("id=key,title=name")).read(f))),
        BEIR_CORPUS("corpus.jsonl", null,
                "{\"_id\":\"%s\",\"title\":\"T\",\"text\":\"body\"}", "{\"_id\":\"d9\"} {\"_id\":\"d10\"}",
                f -> Outcome.of(new BeirCorpusReader().read(f))),
        BEIR_QUERIES("queries.jsonl", null,
                "{\"_id\":\"%s\",\"text\":\"a query\"}", "\"just a string\"",
                f -> {
                    var r = BeirQueries.read(f);
                    return Outcome.of(r, r.value().size(), List.copyOf(r.value().keySet()));
                }),
        BEIR_QRELS("test.tsv", QrelsFiles.BEIR_HEADER,
                "q1\t%s\t1", "q1\td9",
                f -> {
                    var r = QrelsFiles.readBeirTsv(f);
                    return Outcome.of(r, r.value().judgmentCount(), judgedDocs(r.value().asMap()));
                }),
        TREC_QRELS("qrels.txt", null,
                "q1 0 %s 1", "q1 0 d9 1 extra",
                f -> {
                    var r = QrelsFiles.readTrec(f);
                    return Outcome.of(r, r.value().judgmentCount(), judgedDocs(r.value().asMap()));
                }),
        TREC_RUN("run.txt", null,
                "q1 Q0 %s 1 0.5 tag", "q1 Q0 d9 one 0.5 tag",
                f -> {
                    var r = TrecRun.read(f);
                    List<String> ids = r.value().asMap().values().stream()
                            .flatMap(List::stream).map(ScoredDoc::docId).toList();
                    return Outcome.of(r, ids.size(), ids);
                });

        final String fileName;
        final String header;
        final String rowFormat;
        final String badShape;
        final Loader loader;

        Kind(String fileName, String header, String rowFormat, String badShape, Loader loader) {
            this.fileName = fileName;
            this.header = header;
            this.rowFormat = rowFormat;
            this.badShape = badShape;
            this.loader = loader;
        }

        String row(String id) {
            return rowFormat.formatted(id);
        }

        /** Lines before the first data row. */
        int headerLines() {
            return header == null ? 0 : 1;
        }

        private static List<String> judgedDocs(java.util.Map<String, java.util.Map<String, Integer>> byQuery) {
            return byQuery.values().stream().flatMap(m -> m.keySet().stream()).toList();
        }
    }

    /** Assembles a file from data lines: {@code "id:x"} a valid row, {@code "utf8"} one with an invalid byte, etc. */
    private byte[] content(Kind kind, String eol, List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (kind.header != null) {
            out.writeBytes((kind.header + eol).getBytes(StandardCharsets.UTF_8));
        }
        for (String spec : lines) {
            out.writeBytes(line(kind, spec));
            out.writeBytes(eol.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] line(Kind kind, String spec) {
        if (spec.startsWith("id:")) {
            return kind.row(spec.substring(3)).getBytes(StandardCharsets.UTF_8);
        }
        return switch (spec) {
            case "utf8" -> withInvalidByte(kind.row(BAD_MARK));
            case "shape" -> kind.badShape.getBytes(StandardCharsets.UTF_8);
            case "blank" -> new byte[0];
            default -> throw new IllegalArgumentException(spec);
        };
    }

    /** The row's bytes with the marker replaced by 'x' + an invalid sequence, so the bad byte is at marker + 1. */
    private static byte[] withInvalidByte(String row) {
        int at = row.indexOf(BAD_MARK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(row.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.write('x');
        out.writeBytes(INVALID);
        out.writeBytes(row.substring(at + BAD_MARK.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static int badByteOffset(Kind kind) {
        return kind.row(BAD_MARK).indexOf(BAD_MARK) + 1;
    }

    private Path write(Kind kind, byte[] bytes) throws IOException {
        Path file = dir.resolve(kind.fileName);
        Files.write(file, bytes);
        return file;
    }

    /**
     * The table: data lines of the file, then the data-row-relative lines (1 = first data row) where problems are
     * expected and the ids that load. Blank lines are not rows and are neither loaded nor skipped.
     */
    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            all.add(Arguments.of(kind, "one invalid UTF-8 row in the middle", "\n",
                    List.of("id:d1", "utf8", "id:d3"), List.of(2L), List.of("d1", "d3")));
            all.add(Arguments.of(kind, "invalid UTF-8 in the first and last rows, CRLF", "\r\n",
                    List.of("utf8", "id:d2", "utf8"), List.of(1L, 3L), List.of("d2")));
            all.add(Arguments.of(kind, "bad shape, blank line, invalid UTF-8: later lines stay right", "\n",
                    List.of("id:d1", "shape", "blank", "id:d4", "utf8", "id:d6"), List.of(2L, 5L), List.of("d1", "d4", "d6")));
            all.add(Arguments.of(kind, "duplicate id", "\n",
                    List.of("id:d1", "id:d2", "id:d1"), List.of(3L), List.of("d1", "d2")));
            all.add(Arguments.of(kind, "lone CR line endings", "\r",
                    List.of("id:d1", "utf8", "id:d3"), List.of(2L), List.of("d1", "d3")));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void skipsEachBadRowWithItsLineAndLoadsTheRest(Kind kind, String description, String eol, List<String> lines,
                                                   List<Long> problemRows, List<String> loadedIds) throws IOException {
        Path file = write(kind, content(kind, eol, lines));

        Outcome outcome = kind.loader.load(file);

        List<Long> expectedLines = problemRows.stream().map(r -> r + kind.headerLines()).toList();
        assertThat(outcome.lines()).as(outcome.problems().toString()).isEqualTo(expectedLines);
        assertThat(outcome.ids()).isEqualTo(loadedIds);
        assertThat(outcome.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        long dataRows = lines.stream().filter(l -> !l.equals("blank")).count();
        assertThat(outcome.loaded() + outcome.problems().size()).as("loaded + skipped == data rows").isEqualTo(dataRows);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("utf8")) {
                long line = i + 1 + kind.headerLines();
                assertThat(outcome.problems()).filteredOn(p -> p.line() == line).singleElement()
                        .extracting(LoadProblem::reason)
                        .isEqualTo("not valid UTF-8 at byte offset " + badByteOffset(kind) + " of the line");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stripsAByteOrderMarkAndReadsCrlf(Kind kind) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(content(kind, "\r\n", List.of("id:d1", "id:d2")));

        Outcome outcome = kind.loader.load(write(kind, bytes.toByteArray()));

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.ids()).containsExactly("d1", "d2");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "CSV_MAPPED", mode = EnumSource.Mode.EXCLUDE)
    void anEmptyFileLoadsNothingWithoutError(Kind kind) throws IOException {
        Outcome outcome = kind.loader.load(write(kind, new byte[0]));

        // BEIR qrels without even a header line: nothing to complain about, nothing loaded.
        assertThat(outcome.loaded()).isZero();
        assertThat(outcome.problems()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFileOfHeaderAndBlankLinesLoadsNothingWithoutError(Kind kind) throws IOException {
        Outcome outcome = kind.loader.load(write(kind, content(kind, "\n", List.of("blank", "blank"))));

        assertThat(outcome.loaded()).isZero();
        assertThat(outcome.problems()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMissingFileIsNoSuchFileWithThePath(Kind kind) {
        Path missing = dir.resolve("nowhere").resolve(kind.fileName);

        assertThatThrownBy(() -> kind.loader.load(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDirectoryWhereAFileIsExpectedFailsWithThePath(Kind kind) throws IOException {
        Path directory = Files.createDirectory(dir.resolve("a-directory"));

        // The sample and BEIR corpus readers take a directory as meaning the catalog file inside it, which here is
        // missing; every other reader refuses the directory itself. Either way the message names the path.
        assertThatThrownBy(() -> kind.loader.load(directory))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(directory.toString());
    }

    @Test
    void anEmptyCsvHasNoHeaderAndFailsAsAWhole() throws IOException {
        Path file = write(Kind.CSV_MAPPED, new byte[0]);

        assertThatThrownBy(() -> Kind.CSV_MAPPED.loader.load(file))
                .isInstanceOf(MalformedCatalogException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("empty file");
    }

    @Test
    void aCsvHeaderThatIsNotUtf8FailsAsAWholeWithItsLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("track_id,na".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(INVALID);
        bytes.writeBytes("me\nt1,Song,1999\n".getBytes(StandardCharsets.UTF_8));
        Path file = write(Kind.CSV_MAPPED, bytes.toByteArray());

        assertThatThrownBy(() -> Kind.CSV_MAPPED.loader.load(file))
                .isInstanceOf(MalformedCatalogException.class)
                .hasMessageContaining(file + ":1:").hasMessageContaining("not valid UTF-8 at byte offset 11");
    }

    @Test
    void aMultiLineCsvRecordWithAnInvalidLineIsReportedOnItsFirstLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("track_id,name,year\r\nt1,\"two\r\nli".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(INVALID);
        bytes.writeBytes("nes\",2001\r\nt2,\"fine\r\nalso\",2002\r\nt3,Song,2003\r\n".getBytes(StandardCharsets.UTF_8));
        Path file = write(Kind.CSV_MAPPED, bytes.toByteArray());

        LoadResult r = new CsvCatalogReader(ColumnMapping.parse("id=track_id,title=name")).read(file);

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).isEqualTo("line 3 of this record is not valid UTF-8 at byte offset 2 of the line");
        });
        assertThat(r.items()).extracting(Item::id).containsExactly("t2", "t3");
        // The multi-line value keeps its line break (as "\n") and the CR of CRLF does not leak into it.
        assertThat(r.items().getFirst().title()).isEqualTo("fine\nalso");
    }

    @Test
    void anUnterminatedQuoteCostsOneRowAndLaterLineNumbersStayRight() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("track_id,name,year\nt1,Song,2001\nt2,\"never closed,2002\nt3,Song,2003\n"
                .getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("t4,x".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(INVALID);
        bytes.writeBytes("\nt5,Song,2005,extra\nt6,Song,2006\n".getBytes(StandardCharsets.UTF_8));
        Path file = write(Kind.CSV_MAPPED, bytes.toByteArray());

        LoadResult r = new CsvCatalogReader(ColumnMapping.parse("id=track_id,title=name")).read(file);

        assertThat(r.problems()).extracting(LoadProblem::line).containsExactly(3L, 5L, 6L);
        assertThat(r.problems().get(0).reason()).startsWith("malformed CSV");
        assertThat(r.problems().get(1).reason()).isEqualTo("not valid UTF-8 at byte offset 4 of the line");
        assertThat(r.problems().get(2).reason()).isEqualTo("expected 3 columns, found 4");
        assertThat(r.items()).extracting(Item::id).containsExactly("t1", "t3", "t6");
        assertThat(r.loaded() + r.skipped()).isEqualTo(6);
    }

    @Test
    void aGzippedCatalogFollowsTheSamePolicy() throws IOException {
        Path file = dir.resolve("catalog.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(BOM);
            out.write(content(Kind.SAMPLE_JSONL, "\n", List.of("id:d1", "utf8", "id:d3")));
        }

        LoadResult r = new SampleCatalogReader().read(file);

        assertThat(r.items()).extracting(Item::id).containsExactly("d1", "d3");
        assertThat(r.problems()).extracting(LoadProblem::line).containsExactly(2L);
    }

    @Test
    void aTruncatedGzipFileFailsAsAWholeNamingTheFile() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            for (int i = 0; i < 2000; i++) {
                out.write((Kind.SAMPLE_JSONL.row("d" + i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = gz.toByteArray();
        Path file = dir.resolve("catalog.jsonl.gz");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        // Loading the first half and calling it done would silently drop the rest, so the whole load fails.
        assertThatThrownBy(() -> new SampleCatalogReader().read(file))
                .isInstanceOf(MalformedCatalogException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining("gzip data is corrupt or truncated");
    }

    @Test
    void aTruncatedMultiByteCharacterAtTheEndOfTheFileIsOneBadLine() throws IOException {
        byte[] good = content(Kind.TREC_RUN, "\n", List.of("id:d1"));
        byte[] truncated = Arrays.copyOf(good, good.length + 3);
        // "q " then the first byte of a two-byte sequence, and no newline: the file ends mid-character.
        truncated[good.length] = 'q';
        truncated[good.length + 1] = ' ';
        truncated[good.length + 2] = (byte) 0xC3;

        Outcome outcome = Kind.TREC_RUN.loader.load(write(Kind.TREC_RUN, truncated));

        assertThat(outcome.ids()).containsExactly("d1");
        assertThat(outcome.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).isEqualTo("not valid UTF-8 at byte offset 2 of the line");
        });
    }
}
