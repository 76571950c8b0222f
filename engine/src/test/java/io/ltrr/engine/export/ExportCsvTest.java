package io.ltrr.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The exports' CSV through commons-csv against the hand-written CSV code it replaced ({@link Reference}, kept here
 * as the oracle): the same bytes written for every field, the same fields and problems read from every line.
 */
class ExportCsvTest {
    @Provide
    Arbitrary<List<String>> fieldLists() {
        Arbitrary<String> field = Arbitraries.strings().withChars(",\"\n\r #!$\t -a1é").ofMaxLength(6)
                .injectNull(0.05);
        return field.list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars(",\" a#\t").ofMinLength(1).ofMaxLength(12);
    }

    @Property(tries = 5_000)
    void writesWhatTheHandWrittenCodeWrote(@ForAll("fieldLists") List<String> fields) {
        assertThat(ExportCsv.line(fields)).isEqualTo(Reference.line(fields));
    }

    @Property(tries = 5_000)
    void readsBackWhatItWrites(@ForAll("fieldLists") List<String> fields) {
        List<String> expected = fields.stream().map(f -> f == null ? "" : f).toList();
        assertThat(ExportCsv.parse(ExportCsv.line(fields))).containsExactlyElementsOf(expected);
    }

    /**
     * Every line reads as before: the same fields, or the same problem. The one difference is commons-csv's: it
     * skips whitespace between a closing quote and the next comma or the line's end, where the old code stopped.
     */
    @Property(tries = 10_000)
    void readsEveryLineAsTheHandWrittenCodeRead(@ForAll("lines") String line) {
        List<String> expected;
        try {
            expected = Reference.parse(line);
        } catch (IllegalArgumentException e) {
            if (whitespaceAfterAClosingQuote(line, e.getMessage())) {
                return;
            }
            assertThatThrownBy(() -> ExportCsv.parse(line)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(e.getMessage());
            return;
        }
        assertThat(ExportCsv.parse(line)).containsExactlyElementsOf(expected);
    }

    private static boolean whitespaceAfterAClosingQuote(String line, String problem) {
        String prefix = "unexpected text after a closing quote at column ";
        return problem.startsWith(prefix)
                && Character.isWhitespace(line.charAt(Integer.parseInt(problem.substring(prefix.length())) - 1));
    }

    @Test
    void whitespaceAfterAClosingQuoteIsSkipped() {
        assertThat(ExportCsv.parse("q,\"d\" ,2")).containsExactly("q", "d", "2");
    }

    @Test
    void fieldsThatCommonsCsvWouldQuoteMinimallyStayUnquoted() {
        assertThat(ExportCsv.line(java.util.Arrays.asList(null, " lead", "#tag", "!bang", "trail ", "")))
                .isEqualTo(", lead,#tag,!bang,trail ,");
    }

    /** The removed export/Csv.java, verbatim but for its name. */
    static final class Reference {
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
}
