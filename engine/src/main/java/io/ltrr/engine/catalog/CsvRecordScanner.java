package io.ltrr.engine.catalog;

import io.ltrr.engine.io.Utf8Lines;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Feeds the records of a CSV file to a sink with the 1-based line each record starts on, and survives bad quoting
 * and bad encodings.
 *
 * <p>commons-csv stops for good at a quoting error, which would silently lose every row after it. So after an
 * error the scanner reports the record's first line as a problem and starts a fresh parser on the next line:
 * CSV data is line oriented, so that re-synchronises on the following row.
 *
 * <p>Lines are decoded one by one by {@link Utf8Lines}. A line that is not valid UTF-8 still takes part in parsing
 * (lossily decoded) so that quotes keep their meaning and later rows keep their line numbers, but the record it
 * belongs to is reported as a problem on the record's first line instead of being handed on as a row. Line
 * terminators inside quoted values come out as {@code \n} whatever the file used.
 */
final class CsvRecordScanner {

    /** Receives records and problems in file order. */
    interface Sink {
        void record(long line, List<String> values) throws IOException;

        void problem(long line, String reason) throws IOException;
    }

    // Empty lines are kept as records (and skipped below) so that the parser's line count before a record is
    // exactly the line the record starts on.
    private static final Pattern PARSER_POSITION =
            Pattern.compile("\\((?:start)?line \\d+\\)|\\s*at line: \\d+, position: \\d+");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private CsvRecordScanner() {
    }

    /** Scans {@code file}; a missing file or a directory fails as {@link Utf8Lines#open} does. */
    static void scan(Path file, Sink sink) throws IOException {
        StringBuilder text = new StringBuilder();
        Map<Long, String> invalid = new HashMap<>();
        try (Utf8Lines lines = Utf8Lines.open(file, MalformedCatalogException::new)) {
            for (Utf8Lines.Line line; (line = lines.next()) != null; ) {
                // Every line ends in "\n", so each record ends in a terminator and the parser's line count after
                // it is exactly the record's last line.
                text.append(line.text()).append('\n');
                if (!line.valid()) {
                    invalid.put(line.number(), line.problem());
                }
            }
        }
        int[] lineStarts = lineStarts(text);
        int next = 0;
        while (next >= 0 && next < lineStarts.length) {
            next = scanFrom(text, lineStarts, next, invalid, sink);
        }
    }

    /** Scans from line index {@code from} (0-based); returns the line index to resume at, or -1 when done. */
    private static int scanFrom(CharSequence text, int[] lineStarts, int from, Map<Long, String> invalid, Sink sink)
            throws IOException {
        Reader reader = Reader.of(CharBuffer.wrap(text, lineStarts[from], text.length()));
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long firstLine = from + parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) {
                        return -1;
                    }
                    CSVRecord record = records.next();
                    long lastLine = Math.max(firstLine, from + parser.getCurrentLineNumber());
                    String encodingProblem = encodingProblem(firstLine, lastLine, invalid);
                    if (encodingProblem != null) {
                        sink.problem(firstLine, encodingProblem);
                    } else if (!(record.size() == 1 && record.get(0).isEmpty())) {
                        sink.record(firstLine, record.toList());
                    }
                } catch (UncheckedIOException | IllegalStateException e) {
                    sink.problem(firstLine, "malformed CSV (bad quoting?): " + reason(e));
                    return Math.toIntExact(firstLine);
                }
            }
        }
    }

    /** Why the record on lines {@code first..last} cannot load for its encoding, or null when all of it decoded. */
    private static String encodingProblem(long first, long last, Map<Long, String> invalid) {
        for (long line = first; line <= last; line++) {
            String problem = invalid.get(line);
            if (problem != null) {
                return line == first ? problem : "line " + line + " of this record is " + problem;
            }
        }
        return null;
    }

    /**
     * The parser's message without its own positions: they count from where the current parser started, which
     * after a re-synchronisation is not the file's line, and the problem already carries the right line.
     */
    private static String reason(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return PARSER_POSITION.matcher(String.valueOf(cause.getMessage())).replaceAll("").strip();
    }

    /** Offsets where each line starts; "\r\n", "\n" and a lone "\r" all end a line, as they do for commons-csv. */
    private static int[] lineStarts(CharSequence text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if ((c == '\r' || c == '\n') && i + 1 < text.length()) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
