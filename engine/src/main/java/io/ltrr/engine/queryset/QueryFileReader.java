package io.ltrr.engine.queryset;

import io.ltrr.engine.api.QueryLimits;
import io.ltrr.engine.io.LoadProblems;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.io.Utf8Lines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads the queries of a query-set file, UTF-8 (a byte order mark is dropped), in one of two forms:
 * <ul>
 *   <li>a CSV whose first line is a header with a {@code query} column (any case; other columns ignored, one
 *       record per line);</li>
 *   <li>otherwise one query per line; blank lines and lines starting with {@code #} are skipped.</li>
 * </ul>
 * Queries are stripped. A line that is not valid UTF-8, has bad CSV quoting or too few fields, is blank in the
 * query column, longer than {@link QueryLimits} allows, or repeats an earlier query becomes a problem naming the
 * file and line; every other line is kept, in file order.
 */
public final class QueryFileReader {
    private static final CSVFormat CSV = CSVFormat.DEFAULT;

    private QueryFileReader() {
    }

    public static ReadResult<List<String>> read(Path file) throws IOException {
        LoadProblems problems = new LoadProblems(file.toString());
        List<String> queries = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        int column = -1;
        try (Utf8Lines lines = Utf8Lines.open(file)) {
            for (Utf8Lines.Line line; (line = lines.next()) != null; ) {
                if (!line.valid()) {
                    problems.add(line.number(), line.problem());
                    continue;
                }
                if (line.number() == 1) {
                    column = queryColumn(line.text());
                    if (column >= 0) {
                        continue;
                    }
                }
                String reason = add(column < 0 ? plain(line.text()) : field(line.text(), column), line.number(),
                        queries, firstLine);
                if (reason != null) {
                    problems.add(line.number(), reason);
                }
            }
        }
        return new ReadResult<>(queries, problems.list());
    }

    /** The query column's index when the line is a CSV header with a "query" column, else -1. */
    static int queryColumn(String header) {
        if (!header.contains(",") && !header.strip().equalsIgnoreCase("query")) {
            return -1;
        }
        try {
            List<String> names = parse(header);
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).strip().toLowerCase(Locale.ROOT).equals("query")) {
                    return i;
                }
            }
        } catch (IllegalArgumentException e) {
            return -1;
        }
        return -1;
    }

    /** A plain line's query: null for a skipped line (blank or a # comment). */
    private static Result plain(String text) {
        String q = text.strip();
        return q.isEmpty() || q.startsWith("#") ? null : new Result(q, null);
    }

    private static Result field(String text, int column) {
        if (text.isBlank()) {
            return null;
        }
        try {
            List<String> fields = parse(text);
            if (fields.size() <= column) {
                return new Result(null, "expected a query in column " + (column + 1) + ", found " + fields.size()
                        + " field(s)");
            }
            String q = fields.get(column).strip();
            return q.isEmpty() ? new Result(null, "query is blank") : new Result(q, null);
        } catch (IllegalArgumentException e) {
            return new Result(null, "malformed CSV: " + e.getMessage());
        }
    }

    private record Result(String query, String problem) {
    }

    /** Adds the query, or returns why it cannot; null for a line that had nothing to add. */
    private static String add(Result r, long line, List<String> queries, Map<String, Long> firstLine) {
        if (r == null) {
            return null;
        }
        if (r.problem() != null) {
            return r.problem();
        }
        try {
            QueryLimits.check(r.query());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Long earlier = firstLine.putIfAbsent(r.query(), line);
        if (earlier != null) {
            return "query '" + r.query() + "' repeats line " + earlier + "; kept once";
        }
        queries.add(r.query());
        return null;
    }

    private static List<String> parse(String line) {
        try (CSVParser parser = CSVParser.parse(line, CSV)) {
            var records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.getFirst().toList();
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(String.valueOf(e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage()), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
