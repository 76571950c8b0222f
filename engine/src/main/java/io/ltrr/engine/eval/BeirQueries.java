package io.ltrr.engine.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.LoadProblems;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.io.Utf8Lines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * Reads a BEIR {@code queries.jsonl}: one JSON object per line with a string {@code "_id"} and a string
 * {@code "text"}; other fields ({@code "metadata"}, …) are ignored. The result is query id → text in
 * file order. A line that is not valid UTF-8 (see {@link Utf8Lines}), is not exactly one JSON object, lacks
 * either field, or repeats an id becomes a {@link LoadProblem} with its 1-based line number; the first
 * occurrence of a repeated id is kept.
 */
public final class BeirQueries {
    // Trailing tokens would otherwise be ignored, and two objects on one line would load only the first.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private BeirQueries() {
    }

    /** Reads the file; see the class comment for what counts as malformed. */
    public static ReadResult<SequencedMap<String, String>> read(Path file) throws IOException {
        SequencedMap<String, String> queries = new LinkedHashMap<>();
        LoadProblems problems = new LoadProblems(file.toString());
        try (Utf8Lines lines = Utf8Lines.open(file)) {
            lines.forEachValid(problems, (number, text) -> {
                String reason = text.isBlank() ? null : parseInto(text, queries);
                if (reason != null) {
                    problems.add(number, reason);
                }
            });
        }
        return new ReadResult<>(Collections.unmodifiableSequencedMap(queries), problems.list());
    }

    /** Adds the line's query, or returns why it cannot. */
    private static String parseInto(String line, SequencedMap<String, String> queries) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return "not valid JSON: " + e.getOriginalMessage();
        }
        if (node == null || !node.isObject()) {
            return "expected a JSON object";
        }
        JsonNode id = node.get("_id");
        // Some BEIR exports write numeric ids; their text form is what qrels files use.
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            return "missing or blank \"_id\"";
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return "query '" + id.asText() + "' has no string \"text\"";
        }
        if (queries.putIfAbsent(id.asText(), text.asText()) != null) {
            return "duplicate query id '" + id.asText() + "'; kept the first";
        }
        return null;
    }
}
