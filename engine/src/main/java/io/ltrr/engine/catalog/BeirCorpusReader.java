package io.ltrr.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.io.LoadProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the corpus of a BEIR test collection ({@code corpus.jsonl}, one {@code {"_id","title","text"}} object per
 * line) into {@link ItemType#DOCUMENT} items. Accepts the collection directory or the corpus file. A line without
 * an {@code _id}, or that is not valid JSON, becomes a {@link LoadProblem}; title and text may be empty (many BEIR
 * corpora have untitled documents).
 */
public final class BeirCorpusReader implements CatalogReader {

    /** The corpus file name inside a BEIR collection directory. */
    public static final String CORPUS_FILE = "corpus.jsonl";

    @Override
    public LoadResult read(Path source) throws IOException {
        Path file = Files.isDirectory(source) ? source.resolve(CORPUS_FILE) : source;
        LoadAccumulator acc = new LoadAccumulator(file.toString());
        JsonLines.read(file, acc, (line, row) -> acc.add(line, document(row)));
        return acc.result();
    }

    private static Item document(ObjectNode row) {
        String id = scalar(row, "_id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("missing _id");
        }
        return Item.document(id, scalar(row, "title"), scalar(row, "text"));
    }

    private static String scalar(ObjectNode row, String key) {
        JsonNode node = row.get(key);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isValueNode()) {
            throw new IllegalArgumentException(key + " must be text");
        }
        return node.asText().trim();
    }
}
