package io.ltrr.engine.export;

import io.ltrr.engine.eval.Qrels;
import io.ltrr.engine.eval.QrelsFiles;
import io.ltrr.engine.io.ByteOrderMark;
import io.ltrr.engine.io.LoadProblems;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.LoggedRating;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Relevance judgments in and out: derived from the log's ratings, written as TREC qrels or as a Quepid-style
 * CSV ({@code query,docid,rating}), and read back from either with line-numbered problems.
 *
 * <p>From ratings: one judgment per (normalized query, item), the mean grade over every graded rating of it
 * (all annotators, all searches), rounded half up to an integer 0..3; can't-tell ratings are left out. Per
 * annotator judgments are what {@code io.ltrr.engine.agreement} works on; an export is the consensus.
 * In TREC files the query is its {@link QueryIds} encoding; in CSV the text itself.
 */
public final class JudgmentFiles {
    /** The source name of judgments derived from the log's ratings. */
    public static final String RATINGS_SOURCE = "ratings";
    public static final String CSV_HEADER = "query,docid,rating";

    private JudgmentFiles() {
    }

    /** Consensus judgments of the ratings, by query then item. */
    public static List<Judgment> fromRatings(List<LoggedRating> ratings) {
        Map<String, Map<String, double[]>> sums = new TreeMap<>();
        for (LoggedRating r : ratings) {
            if (r.grade() != null) {
                double[] acc = sums.computeIfAbsent(r.normalizedQuery(), q -> new TreeMap<>())
                        .computeIfAbsent(r.itemId(), i -> new double[2]);
                acc[0] += r.grade();
                acc[1]++;
            }
        }
        List<Judgment> out = new ArrayList<>();
        sums.forEach((q, items) -> items.forEach((item, acc) ->
                out.add(new Judgment(q, item, (int) Math.floor(acc[0] / acc[1] + 0.5), RATINGS_SOURCE))));
        return out;
    }

    /** TREC qrels: {@code qid 0 docid grade}. */
    public static void writeQrels(List<Judgment> judgments, Writer out) throws IOException {
        Qrels.Builder qrels = Qrels.builder();
        for (Judgment j : judgments) {
            if (qrels.add(QueryIds.encode(j.query()), j.itemId(), j.grade()) != null) {
                throw new IllegalArgumentException("query '" + j.query() + "', item '" + j.itemId() + "' is judged twice");
            }
        }
        QrelsFiles.writeTrec(qrels.build(), out);
    }

    /** Quepid-style CSV with the header {@value #CSV_HEADER}. */
    public static void writeCsv(List<Judgment> judgments, Writer out) throws IOException {
        out.write(CSV_HEADER + "\n");
        for (Judgment j : judgments) {
            out.write(ExportCsv.line(List.of(j.query(), j.itemId(), j.grade())) + "\n");
        }
        out.flush();
    }

    /** Reads TREC qrels (qids decoded to query text) as judgments of {@code source}. */
    public static ReadResult<List<Judgment>> readQrels(Path file, String source) throws IOException {
        ReadResult<Qrels> read = QrelsFiles.readTrec(file,
                (qid, doc, grade) -> Judgment.problem(QueryIds.decode(qid), doc, grade));
        List<Judgment> out = new ArrayList<>();
        read.value().asMap().forEach((qid, docs) -> docs.forEach((doc, grade) ->
                out.add(new Judgment(QueryIds.decode(qid), doc, grade, source))));
        return new ReadResult<>(out, read.problems());
    }

    /**
     * Reads a CSV of {@code query,docid,rating} (header optional; integer ratings). Each malformed line (field
     * count, blank query or id, non-integer rating, a rating outside 0..3, an over-long field, bad quoting, a pair
     * judged twice) becomes a problem naming the
     * file and line; the first judgment of a pair is kept.
     */
    public static ReadResult<List<Judgment>> readCsv(Path file, String source) throws IOException {
        List<Judgment> out = new ArrayList<>();
        LoadProblems problems = new LoadProblems(file.toString());
        Set<List<String>> seen = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1) {
                    line = ByteOrderMark.strip(line);
                }
                if (line.isBlank() || lineNo == 1 && isHeader(line)) {
                    continue;
                }
                String reason = parseLine(line, source, out, seen);
                if (reason != null) {
                    problems.add(lineNo, reason);
                }
            }
        }
        return new ReadResult<>(out, problems.list());
    }

    private static boolean isHeader(String line) {
        return line.replace(" ", "").toLowerCase(Locale.ROOT).startsWith("query,docid,");
    }

    /** Adds the line's judgment, or returns why it cannot. */
    private static String parseLine(String line, String source, List<Judgment> out, Set<List<String>> seen) {
        List<String> f;
        try {
            f = ExportCsv.parse(line);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (f.size() != 3) {
            return "expected 3 comma-separated fields (query, docid, rating), found " + f.size();
        }
        String query = f.get(0).strip();
        String doc = f.get(1).strip();
        if (query.isEmpty() || doc.isEmpty()) {
            return query.isEmpty() ? "query is blank" : "docid is blank";
        }
        int grade;
        try {
            grade = Integer.parseInt(f.get(2).strip());
        } catch (NumberFormatException e) {
            return "rating '" + f.get(2).strip() + "' is not an integer";
        }
        String refused = Judgment.problem(query, doc, grade);
        if (refused != null) {
            return refused;
        }
        if (!seen.add(List.of(query, doc))) {
            return "duplicate judgment of query '" + query + "', docid '" + doc + "'; kept the earlier one";
        }
        out.add(new Judgment(query, doc, grade, source));
        return null;
    }
}
