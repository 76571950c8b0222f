package io.ltrr.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;

/**
 * The one mapper of the command line's JSON documents. Documents are records whose components are written in
 * declaration order as snake_case keys ({@code cumulativeRegret} → {@code cumulative_regret}); the keys are an
 * interface scripts depend on, pinned by {@code CliJsonKeysTest}.
 */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** Writes the one JSON document of a {@code --json} command to stdout. */
    static void print(PrintStream out, Object document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A figure that is left out (with {@code @JsonInclude(NON_NULL)}) when it is not a number. */
    static Double unlessNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** JSON has no NaN or infinity: an undefined figure is null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The document's keys and values in document order, for text output that lists them as they are. */
    static LinkedHashMap<String, Object> fields(Object document) {
        return MAPPER.convertValue(document, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
