package io.ltrr.engine.eval;

import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.ReadResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.stream.Stream;

/**
 * A BEIR test collection directory ({@code corpus.jsonl}, {@code queries.jsonl}, {@code qrels/<split>.tsv})
 * with the queries and judgments of one split loaded. The corpus is not read here; {@link #corpusFile()}
 * says where it is.
 *
 * @param directory    the collection directory
 * @param corpusFile   {@code directory/corpus.jsonl}
 * @param split        the split whose qrels were loaded ("test", "dev", "train", …)
 * @param queries      every query of {@code queries.jsonl}, in file order (BEIR files hold all splits' queries)
 * @param qrels        the split's judgments
 * @param problems     malformed lines of the queries and qrels files
 */
public record BeirCollection(Path directory, Path corpusFile, String split,
                             SequencedMap<String, String> queries, Qrels qrels, List<LoadProblem> problems) {

    /** The split used when none is named, if the collection has it. */
    public static final String DEFAULT_SPLIT = "test";

    public BeirCollection {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(corpusFile, "corpusFile");
        Objects.requireNonNull(split, "split");
        queries = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(queries));
        Objects.requireNonNull(qrels, "qrels");
        problems = List.copyOf(problems);
    }

    /**
     * Loads the default split: {@value #DEFAULT_SPLIT} when {@code qrels/test.tsv} exists, otherwise the
     * first split in alphabetical order (the only one, for a single-split directory).
     */
    public static BeirCollection load(Path directory) throws IOException {
        List<String> splits = availableSplits(directory);
        if (splits.isEmpty()) {
            throw new NoSuchFileException(directory.resolve("qrels").toString(), null, "no <split>.tsv qrels file");
        }
        return load(directory, splits.contains(DEFAULT_SPLIT) ? DEFAULT_SPLIT : splits.getFirst());
    }

    /**
     * Loads the named split.
     *
     * @throws IllegalArgumentException when {@code qrels/<split>.tsv} does not exist; the message lists the
     *                                  splits that do
     * @throws NoSuchFileException      when {@code corpus.jsonl} or {@code queries.jsonl} is missing
     */
    public static BeirCollection load(Path directory, String split) throws IOException {
        Objects.requireNonNull(split, "split");
        Path corpus = requireFile(directory.resolve("corpus.jsonl"));
        Path queriesFile = requireFile(directory.resolve("queries.jsonl"));
        Path qrelsFile = directory.resolve("qrels").resolve(split + ".tsv");
        if (!Files.isRegularFile(qrelsFile)) {
            throw new IllegalArgumentException("split '" + split + "' not found: no " + qrelsFile
                    + "; available splits: " + availableSplits(directory));
        }
        ReadResult<SequencedMap<String, String>> queries = BeirQueries.read(queriesFile);
        ReadResult<Qrels> qrels = QrelsFiles.readBeirTsv(qrelsFile);
        List<LoadProblem> problems = new ArrayList<>(queries.problems());
        problems.addAll(qrels.problems());
        return new BeirCollection(directory, corpus, split, queries.value(), qrels.value(), problems);
    }

    /** Split names ({@code qrels/*.tsv} without the extension), sorted; empty when there is no qrels folder. */
    public static List<String> availableSplits(Path directory) throws IOException {
        Path qrelsDir = directory.resolve("qrels");
        if (!Files.isDirectory(qrelsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(qrelsDir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tsv"))
                    .map(n -> n.substring(0, n.length() - ".tsv".length()))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The queries this split judges, in {@code queries.jsonl} order, as BEIR's loader keeps them. Judged
     * query ids missing from {@code queries.jsonl} are absent here; see {@link #judgedQueriesWithoutText()}.
     */
    public SequencedMap<String, String> splitQueries() {
        SequencedMap<String, String> result = new LinkedHashMap<>();
        queries.forEach((id, text) -> {
            if (qrels.contains(id)) {
                result.put(id, text);
            }
        });
        return Collections.unmodifiableSequencedMap(result);
    }

    /** Query ids judged in the split's qrels but absent from {@code queries.jsonl}: a broken collection. */
    public List<String> judgedQueriesWithoutText() {
        return qrels.queryIds().stream().filter(id -> !queries.containsKey(id)).toList();
    }

    private static Path requireFile(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "required file of a BEIR collection is missing");
        }
        return file;
    }
}
