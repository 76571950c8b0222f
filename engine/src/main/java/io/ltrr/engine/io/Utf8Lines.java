package io.ltrr.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The one place where loaders turn file bytes into text lines, so that every catalog and evaluation file follows
 * the same policy for bad encodings.
 *
 * <p>Policy: the file is split into lines on bytes ({@code \n}, {@code \r\n} or a lone {@code \r}), and each line
 * is decoded as strict UTF-8 on its own. A line that does not decode is handed out as a {@link Line} whose
 * {@link Line#problem()} says "not valid UTF-8 at byte offset N" (N counted from the start of that line, after any byte order mark), and the
 * caller skips it as a {@link LoadProblem}: one bad byte costs one row, not the whole file, and never becomes a
 * silently replaced character in an id or title ({@link #forEachValid} does exactly that). A UTF-8
 * {@link ByteOrderMark} at the start of the file is dropped. Files ending in {@code .gz} are decompressed first.
 */
public final class Utf8Lines implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final InputStream in;
    private final Unreadable unreadable;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream(256);
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long number;
    private boolean atEnd;

    /**
     * One line of the file.
     *
     * @param number  1-based line number
     * @param text    the line without its terminator; for an invalid line, a lossy decoding with U+FFFD for the bad
     *                bytes, good only for finding structure such as CSV quotes, never for loading values
     * @param problem null for a valid line, else why it is not valid UTF-8 (without file or line)
     */
    public record Line(long number, String text, String problem) {
        /** True when the line decoded as UTF-8. */
        public boolean valid() {
            return problem == null;
        }
    }

    /** Builds the exception for a file that cannot be read at all (a catalog reader names its own subtype). */
    @FunctionalInterface
    public interface Unreadable {
        MalformedFileException because(String message, Throwable cause);
    }

    /** Receives one valid line. */
    @FunctionalInterface
    public interface LineHandler {
        void line(long number, String text) throws IOException;
    }

    private Utf8Lines(Path file, InputStream in, Unreadable unreadable) {
        this.file = file;
        this.in = in;
        this.unreadable = unreadable;
    }

    /**
     * Opens {@code file} for reading line by line.
     *
     * @throws NoSuchFileException    when the file does not exist (the exception carries the path)
     * @throws MalformedFileException when the path is a directory or a special file, or a {@code .gz} file does not
     *                                start like gzip, or (later, from {@link #next()}) its gzip data breaks off
     */
    public static Utf8Lines open(Path file) throws IOException {
        return open(file, MalformedFileException::new);
    }

    /** As {@link #open(Path)}, failing for an unreadable file with the exception {@code unreadable} builds. */
    public static Utf8Lines open(Path file, Unreadable unreadable) throws IOException {
        requireRegularFile(file, unreadable);
        InputStream in = Files.newInputStream(file);
        if (isGzip(file)) {
            try {
                in = new GZIPInputStream(in, BUFFER);
            } catch (IOException e) {
                in.close();
                throw unreadable.because(file + ": not a readable gzip file (" + e.getMessage() + ")", e);
            }
        }
        Utf8Lines lines = new Utf8Lines(file, in, unreadable);
        try {
            lines.skipByteOrderMark();
        } catch (IOException e) {
            lines.close();
            throw e;
        }
        return lines;
    }

    /** Whether the file is read (and written) gzip-compressed: by its name, ending in ".gz". */
    public static boolean isGzip(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** Fails with the path in the message when the file is missing or is not a regular file. */
    private static void requireRegularFile(Path file, Unreadable unreadable) throws IOException {
        if (!Files.exists(file)) {
            // No reason text: the exception's type already says "not found", and callers print it with the path.
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw unreadable.because(file + ": expected a file, found a directory or special file", null);
        }
    }

    /**
     * Hands every remaining valid line to {@code handler}, in file order, and records each line that is not valid
     * UTF-8 in {@code problems} instead.
     */
    public void forEachValid(LoadProblems problems, LineHandler handler) throws IOException {
        for (Line line; (line = next()) != null; ) {
            if (line.valid()) {
                handler.line(line.number(), line.text());
            } else {
                problems.add(line.number(), line.problem());
            }
        }
    }

    /**
     * The next line, or null at the end of the file. A final line without a terminator still counts.
     *
     * @throws MalformedFileException when gzip data breaks off or is corrupt (the message names file and line)
     */
    public Line next() throws IOException {
        if (atEnd) {
            return null;
        }
        lineBytes.reset();
        int b;
        while ((b = read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                if (peek() == '\n') {
                    read();
                }
                break;
            }
            lineBytes.write(b);
        }
        if (b < 0) {
            atEnd = true;
            if (lineBytes.size() == 0) {
                return null;
            }
        }
        number++;
        return decode(lineBytes.toByteArray());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // An own buffer rather than BufferedInputStream.read(), whose per-byte locking is measurable on large corpora.
    private int read() throws IOException {
        return fill() ? buffer[position++] & 0xFF : -1;
    }

    private int peek() throws IOException {
        return fill() ? buffer[position] & 0xFF : -1;
    }

    private boolean fill() throws IOException {
        while (position == limit) {
            int n = readSource(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
        }
        return true;
    }

    private Line decode(byte[] bytes) {
        try {
            return new Line(number, strict.decode(ByteBuffer.wrap(bytes)).toString(), null);
        } catch (CharacterCodingException e) {
            String lossy = new String(bytes, StandardCharsets.UTF_8);
            return new Line(number, lossy, "not valid UTF-8 at byte offset " + firstBadByte(bytes) + " of the line");
        }
    }

    /** Offset of the first byte the strict decoder rejects. */
    private int firstBadByte(byte[] bytes) {
        ByteBuffer src = ByteBuffer.wrap(bytes);
        CharBuffer dst = CharBuffer.allocate(bytes.length + 1);
        strict.reset();
        CoderResult result = strict.decode(src, dst, true);
        // On an error the decoder leaves the source positioned at the first malformed byte.
        return result.isError() ? src.position() : bytes.length;
    }

    /**
     * Reads from the underlying stream. A gzip stream that breaks off (an interrupted download) fails the whole
     * file, with the line it broke in: unlike a bad byte, it leaves nothing after it to read.
     */
    private int readSource(byte[] into, int offset, int length) throws IOException {
        try {
            return in.read(into, offset, length);
        } catch (ZipException | EOFException e) {
            throw unreadable.because(file + ":" + (number + 1) + ": gzip data is corrupt or truncated ("
                    + e.getMessage() + ")", e);
        }
    }

    private void skipByteOrderMark() throws IOException {
        // A short first read is possible for gzip, so fill until three bytes are there or the file ends.
        while (limit < 3) {
            int n = readSource(buffer, limit, buffer.length - limit);
            if (n < 0) {
                return;
            }
            limit += n;
        }
        if (ByteOrderMark.startsWithUtf8Mark(buffer, limit)) {
            position = 3;
        }
    }
}
