package io.ltrr.engine.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes rows (ordered maps with the same keys) as CSV or JSONL. In CSV, a nested value (list, map) is written as
 * its JSON text, so every column stays one field.
 */
final class TableWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableWriter() {
    }

    static void write(List<String> columns, List<Map<String, Object>> rows, ExportFormat format, Writer out)
            throws IOException {
        if (format == ExportFormat.CSV) {
            out.write(ExportCsv.line(columns));
            out.write('\n');
        }
        for (Map<String, Object> row : rows) {
            if (format == ExportFormat.JSONL) {
                out.write(JSON.writeValueAsString(row));
            } else {
                List<Object> fields = new ArrayList<>();
                for (String c : columns) {
                    Object v = row.get(c);
                    fields.add(v instanceof Map<?, ?> || v instanceof List<?> ? json(v) : v);
                }
                out.write(ExportCsv.line(fields));
            }
            out.write('\n');
        }
        out.flush();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
