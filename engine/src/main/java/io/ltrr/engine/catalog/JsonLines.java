package io.ltrr.engine.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.io.Utf8Lines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Walks a JSON Lines file object by object with 1-based line numbers. A line that is not valid UTF-8 (see
 * {@link Utf8Lines}), not one JSON object, or that the row handler rejects, becomes a problem and reading goes on. Blank lines are not rows (a trailing
 * newline at the end of a file is normal) and are skipped.
 */
final class JsonLines {

    /** Handles one parsed object; throws {@link IllegalArgumentException} to reject the row with a reason. */
    @FunctionalInterface
    interface RowHandler {
        void accept(long line, ObjectNode row);
    }

    // Trailing tokens would otherwise be ignored, and "{...} {...}" on one line would load only half the line.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonLines() {
    }

    static void read(Path file, LoadAccumulator acc, RowHandler handler) throws IOException {
        try (Utf8Lines lines = Utf8Lines.open(file, MalformedCatalogException::new)) {
            lines.forEachValid(acc.problems(), (number, text) -> {
                if (!text.isBlank()) {
                    handle(text, number, acc, handler);
                }
            });
        }
    }

    private static void handle(String line, long lineNumber, LoadAccumulator acc, RowHandler handler) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            acc.problem(lineNumber, "invalid JSON: " + e.getOriginalMessage());
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            acc.problem(lineNumber, "expected a JSON object, found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            return;
        }
        try {
            handler.accept(lineNumber, object);
        } catch (IllegalArgumentException e) {
            acc.problem(lineNumber, e.getMessage());
        }
    }

    /**
     * The raw values of the mapped properties of one object: scalars as text, arrays as lists of text. JSON null
     * counts as absent. Nested objects have no meaning for an item field and are rejected.
     */
    static Map<CatalogField, Object> values(ObjectNode row, ColumnMapping mapping) {
        Map<CatalogField, Object> values = new EnumMap<>(CatalogField.class);
        for (Map.Entry<CatalogField, String> e : mapping.columns().entrySet()) {
            JsonNode node = row.get(e.getValue());
            if (node == null || node.isNull()) {
                continue;
            }
            values.put(e.getKey(), raw(node, e.getKey(), e.getValue()));
        }
        return values;
    }

    private static Object raw(JsonNode node, CatalogField field, String column) {
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                if (!element.isValueNode() || element.isNull()) {
                    throw new IllegalArgumentException(field.key() + " (property '" + column + "') must be a list of strings");
                }
                list.add(element.asText());
            }
            return list;
        }
        throw new IllegalArgumentException(field.key() + " (property '" + column + "') must be text, a number or a list, not an object");
    }
}
