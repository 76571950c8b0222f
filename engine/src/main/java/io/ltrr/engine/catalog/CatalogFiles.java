package io.ltrr.engine.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Opening catalog files the same way for every reader: existence check with the path, gzip, strict UTF-8, BOM. */
final class CatalogFiles {

    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private CatalogFiles() {
    }

    /** Fails with the path in the message when the file is missing or is not a regular file. */
    static void requireRegularFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "catalog file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new MalformedCatalogException(file + ": expected a catalog file, found a directory or special file");
        }
    }

    static boolean isGzip(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /**
     * A reader over the decoded text. Decoding is strict because a silently replaced byte would change ids and
     * titles without anyone noticing; a leading byte order mark is skipped so it does not end up in the first
     * column name.
     */
    static BufferedReader open(Path file) throws IOException {
        requireRegularFile(file);
        InputStream in = Files.newInputStream(file);
        try {
            if (isGzip(file)) {
                in = new GZIPInputStream(in, 1 << 16);
            }
        } catch (IOException e) {
            in.close();
            throw new MalformedCatalogException(file + ": not a readable gzip file (" + e.getMessage() + ")", e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    /** The whole decoded text (BOM removed). */
    static String readAll(Path file) throws IOException {
        try (BufferedReader reader = open(file)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[1 << 16];
            for (int n; (n = reader.read(buf)) >= 0; ) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(file, e);
        }
    }

    static MalformedCatalogException notUtf8(Path file, CharacterCodingException e) {
        return new MalformedCatalogException(file + ": not valid UTF-8 text (" + e.getMessage() + ")", e);
    }
}
