package io.ltrr.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.io.Utf8Lines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The catalog formats the workbench reads, each with its reader. This enum is the one place readers are
 * registered.
 */
public enum CatalogFormat {
    /** The shipped sample catalog schema ({@link SampleCatalogReader}). */
    SAMPLE,
    /** Any CSV file with a header, columns named by a {@link ColumnMapping} ({@link CsvCatalogReader}). */
    CSV,
    /** Any JSON Lines file, properties named by a {@link ColumnMapping} ({@link JsonlCatalogReader}). */
    JSONL,
    /** A BEIR test collection's corpus ({@link BeirCorpusReader}). */
    BEIR;

    /** The keys every line of a sample catalog has. */
    static final List<String> SAMPLE_KEYS = List.of(
            "id", "type", "title", "artist", "album", "genres", "styles", "year", "label", "duration", "popularity", "url");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The reader for this format; the mapping matters only for CSV and JSONL. */
    public CatalogReader reader(ColumnMapping mapping) {
        return switch (this) {
            case SAMPLE -> new SampleCatalogReader();
            case CSV -> new CsvCatalogReader(mapping);
            case JSONL -> new JsonlCatalogReader(mapping);
            case BEIR -> new BeirCorpusReader();
        };
    }

    /**
     * Guesses the format of a path. A directory holding corpus.jsonl is BEIR, one holding catalog.jsonl[.gz] is
     * SAMPLE. A .csv[.gz] file is CSV. For a .jsonl[.gz] file the first object decides: all sample keys present
     * means SAMPLE, an "_id" key means BEIR, anything else JSONL.
     *
     * @throws NoSuchFileException      when nothing exists at the path
     * @throws IllegalArgumentException when the path fits no format (the message lists what is recognised)
     */
    public static CatalogFormat detect(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "catalog not found");
        }
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve(BeirCorpusReader.CORPUS_FILE))) {
                return BEIR;
            }
            if (Files.isRegularFile(SampleCatalogReader.resolve(path))) {
                return SAMPLE;
            }
            throw new IllegalArgumentException("cannot tell the catalog format of directory " + path
                    + ": expected " + BeirCorpusReader.CORPUS_FILE + " (BEIR) or " + SampleCatalogReader.FILE_NAME + " (sample) in it");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
            return detectJsonl(path);
        }
        throw new IllegalArgumentException("cannot tell the catalog format of " + path
                + ": expected a directory, .csv, .csv.gz, .jsonl or .jsonl.gz");
    }

    private static CatalogFormat detectJsonl(Path file) throws IOException {
        JsonNode first = firstObject(file);
        if (first != null && SAMPLE_KEYS.stream().allMatch(first::has)) {
            return SAMPLE;
        }
        if (first != null && first.has("_id")) {
            return BEIR;
        }
        return JSONL;
    }

    /** The first non-blank line as JSON, or null when there is none or it is not valid JSON. */
    private static JsonNode firstObject(Path file) throws IOException {
        // An undecodable line is still read (lossily) here: detection only looks at key names, and the reader
        // chosen afterwards reports the line as a problem.
        try (Utf8Lines lines = Utf8Lines.open(file, MalformedCatalogException::new)) {
            for (Utf8Lines.Line line; (line = lines.next()) != null; ) {
                if (!line.text().isBlank()) {
                    try {
                        return MAPPER.readTree(line.text());
                    } catch (IOException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
