package io.ltrr.engine.eval;

import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.LoadProblems;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.io.Utf8Lines;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and writes relevance judgments in the two formats the field uses.
 *
 * <ul>
 *   <li>BEIR: tab-separated {@code query-id corpus-id score} with that header line.</li>
 *   <li>TREC: whitespace-separated {@code qid iteration docid grade} (the iteration column is ignored,
 *       as trec_eval does).</li>
 * </ul>
 *
 * Every well-formed line is loaded; each malformed line (not valid UTF-8 as {@link Utf8Lines} decodes it,
 * wrong field count, non-integer grade, blank id, second judgment of the same pair) becomes a {@link LoadProblem} naming the file and 1-based line. A
 * duplicate keeps the first grade. Blank lines are skipped without a problem: trailing newlines are
 * common and harmless.
 */
public final class QrelsFiles {
    /** The header BEIR writes as the first line of every qrels tsv. */
    public static final String BEIR_HEADER = "query-id\tcorpus-id\tscore";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private QrelsFiles() {
    }

    /**
     * Reads a BEIR qrels tsv. The first line should be {@link #BEIR_HEADER}; if it is not, that is
     * reported and the line is read as data, so a headerless file loses nothing.
     */
    public static ReadResult<Qrels> readBeirTsv(Path file) throws IOException {
        Qrels.Builder qrels = Qrels.builder();
        LoadProblems problems = new LoadProblems(file.toString());
        try (Utf8Lines lines = Utf8Lines.open(file)) {
            lines.forEachValid(problems, (lineNo, line) -> {
                if (lineNo == 1) {
                    if (isBeirHeader(line)) {
                        return;
                    }
                    problems.add(1, "expected header '" + BEIR_HEADER.replace("\t", "\\t") + "', read the line as data");
                }
                if (line.isBlank()) {
                    return;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 3) {
                    problems.add(lineNo,
                            "expected 3 tab-separated fields (query-id, corpus-id, score), found " + fields.length);
                    return;
                }
                addJudgment(qrels, problems, lineNo, fields[0].trim(), fields[1].trim(), fields[2].trim(),
                        (queryId, docId, grade) -> null);
            });
        }
        return new ReadResult<>(qrels.build(), problems.list());
    }

    /** Reads a TREC qrels file: {@code qid iteration docid grade}, any whitespace between fields. */
    public static ReadResult<Qrels> readTrec(Path file) throws IOException {
        return readTrec(file, (queryId, docId, grade) -> null);
    }

    /** A check of one judgment: why the line is refused, or null to keep it. */
    @FunctionalInterface
    public interface JudgmentCheck {
        String problem(String queryId, String docId, int grade);
    }

    /** As {@link #readTrec(Path)}, each judgment also passing {@code check} (else a problem of its line). */
    public static ReadResult<Qrels> readTrec(Path file, JudgmentCheck check) throws IOException {
        Qrels.Builder qrels = Qrels.builder();
        LoadProblems problems = new LoadProblems(file.toString());
        try (Utf8Lines lines = Utf8Lines.open(file)) {
            lines.forEachValid(problems, (lineNo, line) -> {
                if (line.isBlank()) {
                    return;
                }
                String[] fields = WHITESPACE.split(line.strip());
                if (fields.length != 4) {
                    problems.add(lineNo,
                            "expected 4 whitespace-separated fields (qid iteration docid grade), found " + fields.length);
                    return;
                }
                addJudgment(qrels, problems, lineNo, fields[0], fields[2], fields[3], check);
            });
        }
        return new ReadResult<>(qrels.build(), problems.list());
    }

    /**
     * Writes judgments as TREC qrels ({@code qid 0 docid grade}, one per line, in the order of
     * {@link Qrels#asMap()}). Ids containing whitespace cannot be represented and are rejected.
     */
    public static void writeTrec(Qrels qrels, Writer out) throws IOException {
        for (var query : qrels.asMap().entrySet()) {
            requireNoWhitespace(query.getKey(), "query id");
            for (Map.Entry<String, Integer> doc : query.getValue().entrySet()) {
                requireNoWhitespace(doc.getKey(), "document id");
                out.write(query.getKey() + " 0 " + doc.getKey() + " " + doc.getValue() + "\n");
            }
        }
        out.flush();
    }

    /** Writes judgments as a TREC qrels file (UTF-8), replacing it if it exists. */
    public static void writeTrec(Qrels qrels, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeTrec(qrels, out);
        }
    }

    private static void addJudgment(Qrels.Builder qrels, LoadProblems problems, long lineNo, String queryId,
                                    String docId, String gradeText, JudgmentCheck check) {
        if (queryId.isEmpty()) {
            problems.add(lineNo, "query id is blank");
            return;
        }
        if (docId.isEmpty()) {
            problems.add(lineNo, "document id is blank");
            return;
        }
        int grade;
        try {
            // Integers only, like BEIR's int(row[2]) and trec_eval's qrels parser: "1.0" is a mistake worth seeing.
            grade = Integer.parseInt(gradeText);
        } catch (NumberFormatException e) {
            problems.add(lineNo, "grade '" + gradeText + "' is not an integer");
            return;
        }
        String refused = check.problem(queryId, docId, grade);
        if (refused != null) {
            problems.add(lineNo, refused);
            return;
        }
        Integer previous = qrels.add(queryId, docId, grade);
        if (previous != null) {
            problems.add(lineNo, "duplicate judgment of query '" + queryId + "', document '" + docId + "' (grade "
                    + grade + "); kept the earlier grade " + previous);
        }
    }

    private static boolean isBeirHeader(String line) {
        String[] fields = line.split("\t", -1);
        return fields.length == 3
                && fields[0].trim().equalsIgnoreCase("query-id")
                && fields[1].trim().equalsIgnoreCase("corpus-id")
                && fields[2].trim().equalsIgnoreCase("score");
    }

    static void requireNoWhitespace(String id, String what) {
        for (int i = 0; i < id.length(); i++) {
            if (Character.isWhitespace(id.charAt(i))) {
                throw new IllegalArgumentException(what + " '" + id + "' contains whitespace and cannot be written in TREC format");
            }
        }
    }
}
