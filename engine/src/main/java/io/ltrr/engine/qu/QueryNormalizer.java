package io.ltrr.engine.qu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Turns arbitrary user text (or a catalog phrase) into comparable tokens.
 *
 * <p>Steps: NFKC (full-width and ligature forms become plain letters), lower case in {@link Locale#ROOT},
 * accent folding (Lucene's ASCII folding, then stripping any remaining combining marks), apostrophes
 * removed so that "'90s" and "don't" stay one token, "&amp;" read as "and", and every other character that
 * is not a letter or digit (Lucene query syntax, punctuation, control characters, emoji) becomes a token
 * separator. Scripts without a Latin folding (Arabic, CJK, …) keep their letters.
 *
 * <p>It never throws and its cost is bounded: only the first {@value #MAX_INPUT_CHARS} input characters
 * are read, and the result keeps at most {@value #MAX_TOKENS} tokens and {@value #MAX_CHARS} characters.
 * Instances are immutable and thread-safe.
 */
public final class QueryNormalizer {

    /** Most characters of normalized text kept. */
    public static final int MAX_CHARS = 256;
    /** Most tokens kept. */
    public static final int MAX_TOKENS = 32;
    /** Most raw input characters looked at; a bound on work for pasted 10 kB strings. */
    public static final int MAX_INPUT_CHARS = 4 * MAX_CHARS;

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02BC`\u00B4]");

    /** Normalizes {@code raw}; {@code null} and blank input give an empty result. */
    public NormalizedQuery normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new NormalizedQuery("", List.of());
        }
        String s = raw.length() > MAX_INPUT_CHARS ? raw.substring(0, MAX_INPUT_CHARS) : raw;
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        // Folding may yield upper-case ASCII (e.g. small-capital letters), so lower-case once more.
        s = foldToAscii(s).toLowerCase(Locale.ROOT);
        // Letters the ASCII folding does not know (e.g. Vietnamese stacked marks) still lose their marks.
        s = COMBINING_MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        s = APOSTROPHES.matcher(s).replaceAll("").replace("&", " and ");
        return tokenize(s);
    }

    /** The tokens of {@code raw}, as {@link #normalize(String)} gives them. */
    public List<String> tokens(String raw) {
        return normalize(raw).tokens();
    }

    private static String foldToAscii(String s) {
        char[] in = s.toCharArray();
        // One char can fold to up to four (e.g. "⑽" → "(10)"), as the filter's own buffer sizing assumes.
        char[] out = new char[in.length * 4];
        int len = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, len);
    }

    private static NormalizedQuery tokenize(String s) {
        List<String> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder token = new StringBuilder();
        int i = 0;
        while (i < s.length() && tokens.size() < MAX_TOKENS) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                token.appendCodePoint(cp);
            } else if (!token.isEmpty()) {
                if (!addToken(tokens, text, token)) {
                    break;
                }
            }
        }
        if (!token.isEmpty() && tokens.size() < MAX_TOKENS) {
            addToken(tokens, text, token);
        }
        return new NormalizedQuery(text.toString(), tokens);
    }

    /** Adds the pending token if it fits in {@link #MAX_CHARS}; returns false when the text is full. */
    private static boolean addToken(List<String> tokens, StringBuilder text, StringBuilder token) {
        int needed = token.length() + (text.isEmpty() ? 0 : 1);
        if (text.length() + needed > MAX_CHARS) {
            token.setLength(0);
            return false;
        }
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(token);
        tokens.add(token.toString());
        token.setLength(0);
        return true;
    }
}
