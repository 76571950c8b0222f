package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a CSV catalog (RFC 4180, header line first, UTF-8, optionally gzip-compressed) whose columns are named
 * by a {@link ColumnMapping}.
 *
 * <p>A missing id or title column, or a missing column the mapping asked for by another name, is a
 * {@link MalformedCatalogException} naming the column, and so is an empty file (no header). A row with the wrong
 * number of columns, bad quoting, bytes that are not UTF-8, an unknown type or a bad value becomes a
 * {@link LoadProblem} with the line it starts on; the rest still loads. A header without rows loads nothing.
 * Without a type column every row is a track.
 */
public final class CsvCatalogReader implements CatalogReader {

    private final ColumnMapping mapping;
    private final ItemDecoder decoder;

    public CsvCatalogReader(ColumnMapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.decoder = new ItemDecoder(mapping, false);
    }

    @Override
    public LoadResult read(Path source) throws IOException {
        LoadAccumulator acc = new LoadAccumulator(source.toString());
        RowSink sink = new RowSink(source, acc);
        CsvRecordScanner.scan(source, sink);
        if (sink.header == null) {
            throw new MalformedCatalogException(source + ": empty file, expected a header line naming the columns");
        }
        return acc.result();
    }

    /** Takes the first record as the header, every later one as an item row. */
    private final class RowSink implements CsvRecordScanner.Sink {
        private final Path source;
        private final LoadAccumulator acc;
        private List<String> header;
        private Map<CatalogField, Integer> indexByField;

        RowSink(Path source, LoadAccumulator acc) {
            this.source = source;
            this.acc = acc;
        }

        @Override
        public void record(long line, List<String> values) throws IOException {
            if (header == null) {
                header = values.stream().map(String::trim).toList();
                indexByField = indexColumns(source, header);
                return;
            }
            if (values.size() != header.size()) {
                acc.problem(line, "expected " + header.size() + " columns, found " + values.size());
                return;
            }
            Map<CatalogField, Object> raw = new EnumMap<>(CatalogField.class);
            indexByField.forEach((field, index) -> raw.put(field, values.get(index)));
            try {
                acc.add(line, decoder.decode(raw));
            } catch (IllegalArgumentException e) {
                acc.problem(line, e.getMessage());
            }
        }

        @Override
        public void problem(long line, String reason) throws IOException {
            if (header == null) {
                throw new MalformedCatalogException(source + ":" + line + ": unreadable header line: " + reason);
            }
            acc.problem(line, reason);
        }
    }

    private Map<CatalogField, Integer> indexColumns(Path source, List<String> header) throws IOException {
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            indexByName.put(header.get(i), i);
        }
        Map<CatalogField, Integer> indexByField = new EnumMap<>(CatalogField.class);
        for (Map.Entry<CatalogField, String> e : mapping.columns().entrySet()) {
            Integer index = indexByName.get(e.getValue());
            if (index != null) {
                indexByField.put(e.getKey(), index);
            } else if (e.getKey().required() || mapping.isRemapped(e.getKey())) {
                throw new MalformedCatalogException(source + ": no column '" + e.getValue() + "' for field "
                        + e.getKey().key() + "; the header has: " + String.join(", ", header));
            }
        }
        return indexByField;
    }
}
