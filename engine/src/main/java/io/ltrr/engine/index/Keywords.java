package io.ltrr.engine.index;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalizes a name ("Trip-Hop", " Björk ") to the exact-match key stored in the keyword fields
 * ("trip hop", "bjork"), so structured search matches catalog values whatever their casing or accents.
 */
public final class Keywords {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}_/]+");

    private Keywords() {
    }

    public static String key(String value) {
        if (value == null) {
            return "";
        }
        String ascii = asciiKey(value);
        return ascii != null ? ascii : unicodeKey(value);
    }

    /**
     * The key of a pure-ASCII value without the regular expressions (indexing calls this for every artist, style,
     * genre and label of every item): NFKD leaves ASCII as it is and ASCII has no combining marks, so the key is the
     * lower-cased value with every run of separators (whitespace, '-', '_', '/') made one space, trimmed. Null when
     * the value has a non-ASCII character.
     */
    static String asciiKey(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean inSeparator = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            boolean separator = c == ' ' || (c >= '\t' && c <= '\r') || c == '-' || c == '_' || c == '/';
            if (separator) {
                if (!inSeparator) {
                    sb.append(' ');
                }
            } else {
                sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
            inSeparator = separator;
        }
        return sb.toString().trim();
    }

    /** The general key: NFKD, combining marks removed, lower case, separator runs to one space, trimmed. */
    static String unicodeKey(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
        String folded = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(folded).replaceAll(" ").trim();
    }
}
