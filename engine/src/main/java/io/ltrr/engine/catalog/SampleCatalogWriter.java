package io.ltrr.engine.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ltrr.engine.io.Utf8Lines;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes items in the sample catalog format read by {@link SampleCatalogReader}: one JSON object per line with
 * the keys id, type, title, artist, album, genres, styles, year, label, duration, popularity, url, in that order,
 * UTF-8, "\n" line ends, popularity with exactly four decimals. Items are written in the order given, so the same
 * list always gives the same bytes (also for {@code .gz}: Java's gzip header carries no timestamp).
 */
public final class SampleCatalogWriter {

    /** Digits after the point kept for popularity; the sample schema promises this precision. */
    public static final int POPULARITY_SCALE = 4;

    private static final JsonFactory JSON = new JsonFactory();

    private SampleCatalogWriter() {
    }

    /**
     * A buffered UTF-8 writer on {@code file} (gzip-compressed when the name ends in .gz), parent directories
     * created; the caller closes it.
     */
    public static Writer open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream raw = Files.newOutputStream(file);
        try {
            OutputStream out = Utf8Lines.isGzip(file) ? new GZIPOutputStream(raw, 1 << 16) : raw;
            return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Writes {@code items} to {@code file} (gzip-compressed when the name ends in .gz), creating parent directories.
     *
     * @throws IllegalArgumentException when an item has body text, which the sample schema cannot hold
     */
    public static void write(List<Item> items, Path file) throws IOException {
        try (Writer writer = open(file)) {
            for (Item item : items) {
                writer.write(line(item));
                writer.write('\n');
            }
        }
    }

    /** One item as its JSON line (without the line end). */
    public static String line(Item item) {
        if (!item.text().isEmpty()) {
            throw new IllegalArgumentException("item " + item.id() + " has body text, which the sample catalog format cannot hold");
        }
        StringWriter sw = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("id", item.id());
            g.writeStringField("type", item.type().key());
            g.writeStringField("title", item.title());
            g.writeStringField("artist", item.artist());
            g.writeStringField("album", item.album());
            writeList(g, "genres", item.genres());
            writeList(g, "styles", item.styles());
            g.writeNumberField("year", item.year());
            g.writeStringField("label", item.label());
            g.writeNumberField("duration", item.durationSeconds());
            g.writeFieldName("popularity");
            g.writeNumber(roundPopularity(item.popularity()).toPlainString());
            g.writeStringField("url", item.url());
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return sw.toString();
    }

    /** Popularity rounded half-up to {@link #POPULARITY_SCALE} decimals, as written. */
    public static BigDecimal roundPopularity(double popularity) {
        return BigDecimal.valueOf(popularity).setScale(POPULARITY_SCALE, RoundingMode.HALF_UP);
    }

    private static void writeList(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
