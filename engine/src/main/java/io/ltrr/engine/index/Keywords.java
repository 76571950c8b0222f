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
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
        String folded = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(folded).replaceAll(" ").trim();
    }
}
