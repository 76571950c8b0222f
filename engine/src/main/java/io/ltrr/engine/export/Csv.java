package io.ltrr.engine.export;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 fields on one line: quoted when they hold a comma, quote or line break; quotes doubled. */
final class Csv {
    private Csv() {
    }

    static String line(List<?> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object f = fields.get(i);
            String s = f == null ? "" : f.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.toString();
    }

    /**
     * Splits one line into fields.
     *
     * @throws IllegalArgumentException for an unterminated quote or text after a closing quote
     */
    static List<String> parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, field);
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("unexpected text after a closing quote at column " + (i + 1));
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** Reads a quoted field's content from just after its opening quote; returns the index after the closing one. */
    private static int quoted(String line, int i, StringBuilder field) {
        while (true) {
            if (i >= line.length()) {
                throw new IllegalArgumentException("unterminated quoted field (a field may not span lines)");
            }
            char c = line.charAt(i++);
            if (c != '"') {
                field.append(c);
            } else if (i < line.length() && line.charAt(i) == '"') {
                field.append('"');
                i++;
            } else {
                return i;
            }
        }
    }
}
