package io.ltrr.engine.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generators of queries users (and pasted text) produce that break naive search code: query-syntax characters,
 * unbalanced quotes, control characters and NUL, right-to-left text, emoji and lone surrogates, stacked
 * combining marks, whitespace only, and texts far over the length limit.
 */
final class HostileQueries {
    private static final String LUCENE_SYNTAX = "+-&|!(){}[]^\"~*?:\\/";

    private HostileQueries() {
    }

    /** Any hostile query; about one in fifty is over the length limit (up to 10 kB). */
    static Arbitrary<String> any() {
        Arbitrary<String> fragments = fragment().list().ofMinSize(0).ofMaxSize(8)
                .map(parts -> String.join(parts.size() % 2 == 0 ? " " : "", parts));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(49, fragments),
                net.jqwik.api.Tuple.of(1, overLong()));
    }

    /** Texts of 1 001 to 10 240 characters. */
    static Arbitrary<String> overLong() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("love song ambient" + LUCENE_SYNTAX).ofMinLength(1001).ofMaxLength(10_240),
                Arbitraries.strings().all().ofMinLength(1001).ofMaxLength(10_240));
    }

    private static Arbitrary<String> fragment() {
        return Arbitraries.oneOf(
                Arbitraries.of("love", "song", "ambient", "taylor", "AND", "OR", "NOT", "title:love", "artist:",
                        "*", "?", "\"", "\"love song", "love\"", "((", ")", "[1 TO 5]", "{a TO b}", "~2", "^10",
                        "/regex.*/", "\\", "&&", "||", "!", "-", "+", "\u0000", "", " ", "\t\n\r", "\u00A0\u2003"),
                Arbitraries.strings().withChars(LUCENE_SYNTAX + " ab").ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u0000', '\u001F').withChars('\u007F', '\u0085').ofMaxLength(6),
                // Hebrew and Arabic letters, direction marks and overrides.
                Arbitraries.strings().withCharRange('\u05D0', '\u05EA').withCharRange('\u0627', '\u064A')
                        .withChars('\u200E', '\u200F', '\u202A', '\u202B', '\u202E', '\u2066', '\u2069').ofMaxLength(12),
                // Emoji as pairs, plus lone surrogates of either half.
                Arbitraries.of("\uD83C\uDFB5", "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                        "\uD83C\uDDEF\uD83C\uDDF5", "\uD800", "\uDFFF", "\uFFFD", "\uFEFF"),
                // Letters under stacks of combining marks ("zalgo").
                Arbitraries.strings().withChars('a', 'o', 'e').withCharRange('\u0300', '\u036F').ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(16),
                Arbitraries.strings().whitespace().ofMaxLength(5));
    }
}
