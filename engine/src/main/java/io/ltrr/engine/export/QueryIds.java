package io.ltrr.engine.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * TREC files split lines on whitespace, but queries here are text ("taylor swift love"). A query becomes a TREC
 * qid by percent-encoding whitespace and '%' (their UTF-8 bytes, as in a URL): "taylor%20swift%20love". The
 * encoding is exact, so qrels and runs exported from the log read back to the same query text.
 */
public final class QueryIds {
    private QueryIds() {
    }

    /** The qid of a query. */
    public static String encode(String query) {
        StringBuilder sb = new StringBuilder();
        query.codePoints().forEach(cp -> {
            if (cp == '%' || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /**
     * The query of a qid. A '%' not followed by two hex digits is kept as it is, so plain qids from elsewhere
     * ("301", "q-12") read back unchanged.
     */
    public static String decode(String qid) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < qid.length()) {
            if (qid.charAt(i) == '%' && i + 2 < qid.length()
                    && hex(qid.charAt(i + 1)) && hex(qid.charAt(i + 2))) {
                bytes.write(Integer.parseInt(qid.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int cp = qid.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
