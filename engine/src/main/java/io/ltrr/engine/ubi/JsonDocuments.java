package io.ltrr.engine.ubi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.io.LoadProblems;
import io.ltrr.engine.io.MalformedFileException;
import io.ltrr.engine.io.Utf8Lines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The JSON objects of a file that is either NDJSON (one object a line) or one JSON array of objects, told apart by
 * its first character ({@code [} or {@code {}). In NDJSON a line that is not a JSON object is one problem and the
 * other lines go on; in an array each element that is not an object is one problem, named by its index and the line
 * it starts on. A file that is neither, an array that is not well-formed JSON, or NDJSON of which no line is JSON,
 * cannot be read at all ({@link MalformedFileException}). A {@code .gz} file is read decompressed.
 */
final class JsonDocuments {
    /** A line holds one value: anything after it makes the line malformed, not silently dropped. */
    private static final ObjectMapper LINE = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonDocuments() {
    }

    /** Receives one JSON object of the file. */
    @FunctionalInterface
    interface Handler {
        /**
         * @param line  the line it starts on (1-based)
         * @param label how a problem names it: empty in NDJSON (the line says it), "element N: " in an array
         * @param node  the object
         */
        void document(long line, String label, JsonNode node);
    }

    /**
     * Hands every JSON object of the file to {@code handler}, in file order; lines or elements that are not one
     * go to {@code problems}.
     *
     * @throws MalformedFileException when the file as a whole is not NDJSON or a JSON array
     */
    static void read(Path file, LoadProblems problems, Handler handler) throws IOException {
        boolean array = false;
        try (Utf8Lines lines = Utf8Lines.open(file)) {
            for (Utf8Lines.Line line; (line = lines.next()) != null; ) {
                String text = line.text().strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (text.startsWith("[")) {
                    array = true;
                    break;
                }
                if (!text.startsWith("{")) {
                    throw new MalformedFileException(file + ":" + line.number() + ": neither NDJSON (one JSON "
                            + "object a line) nor a JSON array: it starts with '" + text.charAt(0) + "'");
                }
                readLines(file, lines, line, problems, handler);
                return;
            }
        }
        if (array) {
            readArray(file, problems, handler);
        }
    }

    private static void readLines(Path file, Utf8Lines lines, Utf8Lines.Line first, LoadProblems problems,
                                  Handler handler) throws IOException {
        int objects = 0;
        int notJson = 0;
        String firstProblem = null;
        for (Utf8Lines.Line line = first; line != null; line = lines.next()) {
            if (line.text().isBlank()) {
                continue;
            }
            if (!line.valid()) {
                problems.add(line.number(), line.problem());
                continue;
            }
            JsonNode node;
            try {
                node = LINE.readTree(line.text());
            } catch (JacksonException e) {
                String reason = "not valid JSON (" + e.getOriginalMessage() + ")";
                problems.add(line.number(), reason);
                notJson++;
                firstProblem = firstProblem == null ? "line " + line.number() + ": " + reason : firstProblem;
                continue;
            }
            if (node == null || !node.isObject()) {
                problems.add(line.number(), "not a JSON object");
                continue;
            }
            objects++;
            handler.document(line.number(), "", node);
        }
        if (objects == 0 && notJson > 0) {
            throw new MalformedFileException(file + " is not NDJSON (one JSON object a line): no line of it is "
                    + "JSON (" + firstProblem + ")");
        }
    }

    private static void readArray(Path file, LoadProblems problems, Handler handler) throws IOException {
        try (InputStream in = open(file); JsonParser parser = JSON.createParser(in)) {
            try {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new MalformedFileException(file + ": expected a JSON array");
                }
                long index = 0;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t == null) {
                        throw new MalformedFileException(file + ": the JSON array is not closed (the file ends "
                                + "after element " + index + ")");
                    }
                    index++;
                    long line = parser.currentTokenLocation().getLineNr();
                    String label = "element " + index + ": ";
                    if (t == JsonToken.START_OBJECT) {
                        handler.document(line, label, parser.readValueAsTree());
                    } else {
                        problems.add(line, label + "not a JSON object");
                        parser.skipChildren();
                    }
                }
                if (parser.nextToken() != null) {
                    throw new MalformedFileException(file + ":" + parser.currentTokenLocation().getLineNr()
                            + ": content after the JSON array");
                }
            } catch (JacksonException e) {
                JsonLocation at = e.getLocation();
                String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
                throw new MalformedFileException(file + where + ": not a well-formed JSON array ("
                        + e.getOriginalMessage() + "); nothing of it was read", e);
            }
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (!Utf8Lines.isGzip(file)) {
            return in;
        }
        try {
            return new GZIPInputStream(in);
        } catch (IOException e) {
            in.close();
            throw new MalformedFileException(file + ": not a readable gzip file (" + e.getMessage() + ")", e);
        }
    }
}
