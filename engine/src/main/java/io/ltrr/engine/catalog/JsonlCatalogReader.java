package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a JSON Lines catalog (optionally gzip-compressed): one object per line, properties named by a
 * {@link ColumnMapping}. List fields may be JSON arrays or text split on the mapping's separator. A line that is
 * not valid JSON, lacks the id or title property, or has a bad value becomes a {@link LoadProblem} with its line
 * number. Objects without a type property are tracks.
 */
public final class JsonlCatalogReader implements CatalogReader {

    private final ColumnMapping mapping;
    private final ItemDecoder decoder;

    public JsonlCatalogReader(ColumnMapping mapping) {
        this(mapping, false);
    }

    JsonlCatalogReader(ColumnMapping mapping, boolean typeRequired) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.decoder = new ItemDecoder(mapping, typeRequired);
    }

    @Override
    public LoadResult read(Path source) throws IOException {
        LoadAccumulator acc = new LoadAccumulator(source.toString());
        JsonLines.read(source, acc, (line, row) -> acc.add(line, decoder.decode(JsonLines.values(row, mapping))));
        return acc.result();
    }
}
