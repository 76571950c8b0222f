package io.ltrr.engine.eval;

import io.ltrr.engine.io.ByteOrderMark;
import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.LoadProblems;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.io.Utf8Lines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads and writes TREC run files: {@code qid Q0 docid rank score tag}, whitespace-separated, one line per
 * retrieved document.
 *
 * <p>Reading keeps each query's lines in file order ({@link RankOrder#AS_GIVEN} is the file's order); the
 * rank column is checked to be an integer but otherwise ignored, as trec_eval ignores it, and the second
 * column and the tag are not kept. Blank lines and lines starting with {@code #} are skipped, as trec_eval
 * skips them. A line without exactly six fields, with a non-integer rank, a score that is not a number,
 * or a document the query already listed becomes a {@link LoadProblem}.
 */
public final class TrecRun {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TrecRun() {
    }

    /**
     * Reads a run file; see the class comment. A line that is not valid UTF-8 (see {@link Utf8Lines}) is a
     * problem too.
     */
    public static ReadResult<Run> read(Path file) throws IOException {
        Run.Builder run = Run.builder();
        LoadProblems problems = new LoadProblems(file.toString());
        try (Utf8Lines lines = Utf8Lines.open(file)) {
            lines.forEachValid(problems, (number, text) -> readLine(text, number, run, problems));
        }
        return new ReadResult<>(run.build(), problems.list());
    }

    /**
     * Reads run lines from a reader (not closed here), naming {@code sourceName} as the file in problems;
     * for runs that arrive other than as files, such as a system's output stream.
     */
    public static ReadResult<Run> read(Reader reader, String sourceName) throws IOException {
        Run.Builder run = Run.builder();
        LoadProblems problems = new LoadProblems(sourceName);
        BufferedReader in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        String line;
        long lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            readLine(lineNo == 1 ? ByteOrderMark.strip(line) : line, lineNo, run, problems);
        }
        return new ReadResult<>(run.build(), problems.list());
    }

    /** Adds one line's result to the run, skips it as blank or a comment, or records why it is malformed. */
    private static void readLine(String line, long lineNo, Run.Builder run, LoadProblems problems) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        String reason = parseInto(WHITESPACE.split(text), run);
        if (reason != null) {
            problems.add(lineNo, reason);
        }
    }

    /**
     * Writes the run with ranks 1, 2, … in the order of each query's results as given, and each score in
     * full precision (shortest text that reads back to the same double), so reading the file back yields an
     * equal run. Sort the results first if the file should be in rank order.
     */
    public static void write(Run run, String tag, Writer out) throws IOException {
        QrelsFiles.requireNoWhitespace(requireNonBlank(tag), "run tag");
        for (var query : run.asMap().entrySet()) {
            QrelsFiles.requireNoWhitespace(query.getKey(), "query id");
            int rank = 0;
            for (ScoredDoc doc : query.getValue()) {
                QrelsFiles.requireNoWhitespace(doc.docId(), "document id");
                rank++;
                out.write(query.getKey() + " Q0 " + doc.docId() + " " + rank + " " + doc.score() + " " + tag + "\n");
            }
        }
        out.flush();
    }

    /** Writes the run to a UTF-8 file, replacing it if it exists; see {@link #write(Run, String, Writer)}. */
    public static void write(Run run, String tag, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(run, tag, out);
        }
    }

    /** Adds the line's result, or returns why it cannot. */
    private static String parseInto(String[] fields, Run.Builder run) {
        if (fields.length != 6) {
            return "expected 6 whitespace-separated fields (qid Q0 docid rank score tag), found " + fields.length;
        }
        try {
            Integer.parseInt(fields[3]);
        } catch (NumberFormatException e) {
            return "rank '" + fields[3] + "' is not an integer";
        }
        double score;
        try {
            score = Double.parseDouble(fields[4]);
        } catch (NumberFormatException e) {
            return "score '" + fields[4] + "' is not a number";
        }
        if (Double.isNaN(score)) {
            return "score is NaN";
        }
        if (!run.add(fields[0], new ScoredDoc(fields[2], score))) {
            return "query '" + fields[0] + "' already lists document '" + fields[2] + "'; kept the first";
        }
        return null;
    }

    private static String requireNonBlank(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("run tag must not be blank");
        }
        return tag;
    }
}
