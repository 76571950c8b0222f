package io.ltrr.app.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 byte stream for human output that never passes a control or escape character to a terminal: data
 * (titles, queries, annotator names) can hold ESC, OSC, BEL or NUL bytes that would clear the screen, retitle the
 * window or hide text. Each C0 control but line feed and tab (and carriage return where allowed: the progress bar
 * on stderr redraws its line with it) and DEL is shown in caret notation ({@code ^[} for ESC, {@code ^G} for BEL),
 * each C1 control and each bidirectional override or isolate (which reorder what the eye sees) as
 * {@code <U+XXXX>}. Everything else passes unchanged. JSON output does not go through this: its encoder escapes
 * control characters as the JSON spec says.
 */
public final class TerminalSafeOutput extends FilterOutputStream {
    private final boolean allowCarriageReturn;
    /** A lead byte (0xC2 or 0xE2) and what followed it, held until it is known whether they form a control. */
    private final byte[] held = new byte[2];
    private int heldCount;

    public TerminalSafeOutput(OutputStream out, boolean allowCarriageReturn) {
        super(out);
        this.allowCarriageReturn = allowCarriageReturn;
    }

    /** The same filtering for one string, for places that build text rather than stream it. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 && cp != '\n' && cp != '\t' || cp == 0x7F) {
                b.append('^').append((char) (cp ^ 0x40));
            } else if (isHiddenControl(cp)) {
                b.append(String.format("<U+%04X>", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    private static boolean isHiddenControl(int cp) {
        return cp >= 0x80 && cp <= 0x9F || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }

    @Override
    public void write(int b) throws IOException {
        int v = b & 0xFF;
        if (heldCount > 0) {
            continueHeld(v);
            return;
        }
        if (v == 0xC2 || v == 0xE2) {
            held[0] = (byte) v;
            heldCount = 1;
        } else if (v < 0x20 && v != '\n' && v != '\t' && !(v == '\r' && allowCarriageReturn) || v == 0x7F) {
            out.write('^');
            out.write(v ^ 0x40);
        } else {
            out.write(v);
        }
    }

    private void continueHeld(int v) throws IOException {
        int lead = held[0] & 0xFF;
        if (lead == 0xC2) {
            heldCount = 0;
            if (v >= 0x80 && v <= 0x9F) {
                marker(v); // U+0080..U+009F is 0xC2 0x80..0x9F
            } else {
                out.write(lead);
                write(v);
            }
            return;
        }
        if (heldCount == 1) { // lead 0xE2
            if (v == 0x80 || v == 0x81) {
                held[1] = (byte) v;
                heldCount = 2;
            } else {
                heldCount = 0;
                out.write(lead);
                write(v);
            }
            return;
        }
        int mid = held[1] & 0xFF;
        heldCount = 0;
        int cp = 0x2000 | (mid & 0x3F) << 6 | (v & 0x3F);
        if ((v & 0xC0) == 0x80 && isHiddenControl(cp)) {
            marker(cp);
        } else {
            out.write(lead);
            out.write(mid);
            write(v);
        }
    }

    private void marker(int cp) throws IOException {
        out.write(String.format("<U+%04X>", cp).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush(); // a held lead byte waits for its continuation: a character is never split in two
    }

    @Override
    public void close() throws IOException {
        if (heldCount > 0) {
            out.write(held, 0, heldCount);
            heldCount = 0;
        }
        super.close();
    }
}
