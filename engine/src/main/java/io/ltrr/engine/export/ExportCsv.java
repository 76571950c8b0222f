package io.ltrr.engine.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.QuoteMode;

/**
 * The exports' CSV lines, written and read by commons-csv: RFC 4180 fields, a field quoted when it holds a comma,
 * quote or line break, quotes doubled.
 *
 * <p>Why the quoting is chosen here, field by field: commons-csv's minimal quoting also quotes a field that starts
 * with a character up to '#' (space, '!', '"', '#'), ends in whitespace, or is empty at the start of a line. Those
 * files would read back the same, but every CSV written so far quotes only what must be quoted, and exports stay
 * byte for byte as they were.
 */
final class ExportCsv {
    private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final CSVFormat PLAIN = CSVFormat.RFC4180.builder().setQuote(null).get();
    private static final CSVFormat READ = CSVFormat.RFC4180;
    private static final Pattern INVALID_AFTER_QUOTE =
            Pattern.compile("Invalid character between encapsulated token and delimiter.*position: ([\\d,]+)");

    private ExportCsv() {
    }

    /** One line of fields (null as empty), without a line terminator. */
    static String line(List<?> fields) {
        StringBuilder sb = new StringBuilder();
        try {
            for (int i = 0; i < fields.size(); i++) {
                Object f = fields.get(i);
                String s = f == null ? "" : f.toString();
                (mustQuote(s) ? QUOTED : PLAIN).print(s, sb, i == 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    private static boolean mustQuote(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    /**
     * Splits one line (no line terminator) into fields.
     *
     * @throws IllegalArgumentException for an unterminated quote or text after a closing quote
     */
    static List<String> parse(String line) {
        if (line.isEmpty()) {
            return List.of("");
        }
        try (CSVParser parser = CSVParser.parse(line, READ)) {
            return parser.iterator().next().toList();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException bad) {
                throw new IllegalArgumentException(reason(bad), bad);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String does not fail to read
        }
    }

    /** The problem in the words the judgment reader has always used. */
    private static String reason(CSVException e) {
        String message = String.valueOf(e.getMessage());
        Matcher invalid = INVALID_AFTER_QUOTE.matcher(message);
        if (invalid.find()) {
            return "unexpected text after a closing quote at column " + invalid.group(1).replace(",", "");
        }
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "unterminated quoted field (a field may not span lines)";
        }
        return message;
    }
}
