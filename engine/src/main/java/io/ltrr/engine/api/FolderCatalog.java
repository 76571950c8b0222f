package io.ltrr.engine.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.catalog.CatalogFormat;
import io.ltrr.engine.catalog.ColumnMapping;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a data folder was last indexed from and how: the catalog source and the index settings, remembered in
 * {@code catalog-source.json} so that later runs (a first search after the index was lost, say) rebuild the
 * same index. Written atomically (a temporary file moved over the old one); a damaged file is reported with
 * its fix and never stops an explicit {@code index --catalog …}.
 *
 * @param source   the catalog
 * @param settings the index settings, empty for files written before they were remembered
 */
public record FolderCatalog(CatalogSource source, Optional<IndexSettings> settings) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public FolderCatalog {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * The catalog remembered in {@code file}, if there is one.
     *
     * @throws IllegalStateException when the file is unreadable or damaged, naming it and the fix
     */
    public static Optional<FolderCatalog> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Map<String, String> m = JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { });
            if (m == null || m.get("path") == null || m.get("path").isBlank()) {
                throw new IllegalArgumentException("no catalog path in it");
            }
            String fmt = m.getOrDefault("format", "");
            CatalogSource source = new CatalogSource(Path.of(m.get("path")),
                    fmt == null || fmt.isEmpty() ? null : CatalogFormat.valueOf(fmt),
                    ColumnMapping.parse(m.getOrDefault("mapping", "")));
            Optional<IndexSettings> settings = Optional.empty();
            if (m.containsKey("analyzer") && m.containsKey("embeddings")) {
                String model = m.get("embedding_model");
                settings = Optional.of(new IndexSettings(
                        AnalyzerKind.valueOf(m.get("analyzer").toUpperCase(Locale.ROOT)),
                        Boolean.parseBoolean(m.get("embeddings")),
                        model == null || model.isBlank() ? io.ltrr.engine.embed.EmbeddingModelKind.defaultModel()
                                : io.ltrr.engine.embed.EmbeddingModelKind.fromName(model)));
            }
            return Optional.of(new FolderCatalog(source, settings));
        } catch (IOException | RuntimeException e) {
            String why = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalStateException(file + " is damaged or unreadable (" + why + "); rebuild the index "
                    + "with: ltrr index --force --catalog FILE, which rewrites it");
        }
    }

    /** Writes this to {@code file} atomically: readers see the old file or the new one, never half of it. */
    public void write(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("path", source.path().toAbsolutePath().normalize().toString());
        m.put("format", source.format() == null ? "" : source.format().name());
        m.put("mapping", source.mapping().toSpec());
        settings.ifPresent(s -> {
            m.put("analyzer", s.analyzer().key());
            m.put("embeddings", Boolean.toString(s.embeddings()));
            m.put("embedding_model", s.embeddingModel().cliName());
        });
        writeAtomically(file, m);
    }

    /**
     * Writes a small JSON object of a data folder atomically: a temporary file beside it, forced to disk, moved over
     * the old one; readers see the old file or the new one, never half of it.
     */
    static void writeAtomically(Path file, Map<String, String> m) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), m);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
