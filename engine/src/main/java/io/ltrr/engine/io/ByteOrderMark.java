package io.ltrr.engine.io;

/**
 * The UTF-8 byte order mark some editors put at the start of a file. Loaders drop it so that it does not end up
 * in the first id or column name: {@link Utf8Lines} on the bytes, this class on text that arrives already decoded.
 */
public final class ByteOrderMark {
    /** The mark as a decoded character. */
    public static final char CHARACTER = '\uFEFF';

    private ByteOrderMark() {
    }

    /** The first line of a text without a leading byte order mark. */
    public static String strip(String firstLine) {
        return !firstLine.isEmpty() && firstLine.charAt(0) == CHARACTER ? firstLine.substring(1) : firstLine;
    }

    /** Whether the bytes start with the mark's UTF-8 encoding (EF BB BF). */
    static boolean startsWithUtf8Mark(byte[] bytes, int length) {
        return length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }
}
