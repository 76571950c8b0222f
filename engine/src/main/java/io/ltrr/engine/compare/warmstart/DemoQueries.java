package io.ltrr.engine.compare.warmstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Reads a demo-query file: tab-separated {@code query, kind, wanted} (wanted: item ids separated by spaces), a header
 * line {@code query\tkind\twanted}, {@code #} comment lines. The shipped one is {@code resources/engine/demo-queries.tsv}
 * ({@value #SHIPPED} on the classpath), made from the sample catalog by {@code bench/demo-queries.py}.
 */
public final class DemoQueries {
    public static final String SHIPPED = "ltrr/demo-queries.tsv";

    private DemoQueries() {
    }

    /** The shipped set. */
    public static List<DemoQuery> shipped() {
        try (InputStream in = DemoQueries.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the build has no " + SHIPPED);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SHIPPED + ": " + e.getMessage(), e);
        }
    }

    public static List<DemoQuery> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException naming {@code source} and the line when a line is not a demo query
     */
    public static List<DemoQuery> parse(String text, String source) {
        List<DemoQuery> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank() || line.startsWith("#") || line.equals("query\tkind\twanted")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                throw new IllegalArgumentException(source + ":" + (n + 1) + ": expected 3 tab-separated fields "
                        + "(query, kind, wanted), found " + f.length);
            }
            try {
                out.add(new DemoQuery(f[0].strip(), f[1].strip(), new LinkedHashSet<>(Arrays.stream(f[2].split(" "))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": no demo queries");
        }
        return out;
    }
}
