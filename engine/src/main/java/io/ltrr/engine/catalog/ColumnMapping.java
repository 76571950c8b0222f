package io.ltrr.engine.catalog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which source column (CSV header name or JSONL property) feeds which {@link Item} field, and how list fields
 * (genres, styles) are split when they arrive as one text value.
 *
 * <p>A field absent from {@code columns} is not read and keeps its empty default. {@link #parse(String)} overlays a
 * spec such as {@code "id=track_id,title=name,artist=performer"} on the {@link #defaults() default mapping}, where
 * every field reads the column of the same name; {@code "text="} unmaps a field and {@code "separator=|"} sets the
 * list separator.
 *
 * @param columns       field to source column name; must map {@link CatalogField#ID} and {@link CatalogField#TITLE}
 * @param listSeparator separator for list fields given as text, not empty
 */
public record ColumnMapping(Map<CatalogField, String> columns, String listSeparator) {

    /** The list separator when none is given. */
    public static final String DEFAULT_LIST_SEPARATOR = ",";

    /** The spec key that sets the list separator instead of a column. */
    public static final String SEPARATOR_KEY = "separator";

    public ColumnMapping {
        Objects.requireNonNull(columns, "columns");
        EnumMap<CatalogField, String> copy = columns.isEmpty()
                ? new EnumMap<>(CatalogField.class) : new EnumMap<>(columns);
        for (Map.Entry<CatalogField, String> e : copy.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("columns: the column for field '" + e.getKey().key() + "' must not be blank");
            }
        }
        for (CatalogField f : CatalogField.values()) {
            if (f.required() && !copy.containsKey(f)) {
                throw new IllegalArgumentException("columns: field '" + f.key() + "' is required and must be mapped to a column");
            }
        }
        if (listSeparator == null || listSeparator.isEmpty()) {
            throw new IllegalArgumentException("listSeparator must not be empty");
        }
        columns = Collections.unmodifiableMap(copy);
    }

    /** Every field reads the column named like its key; lists are split on ",". */
    public static ColumnMapping defaults() {
        EnumMap<CatalogField, String> m = new EnumMap<>(CatalogField.class);
        for (CatalogField f : CatalogField.values()) {
            m.put(f, f.key());
        }
        return new ColumnMapping(m, DEFAULT_LIST_SEPARATOR);
    }

    /**
     * Parses a spec of comma-separated {@code field=column} entries over the defaults. A blank spec gives the
     * defaults. Rejects unknown fields, entries without "=", a field given twice and unmapping id or title, each
     * with a message naming the entry.
     */
    public static ColumnMapping parse(String spec) {
        ColumnMapping defaults = defaults();
        if (spec == null || spec.isBlank()) {
            return defaults;
        }
        EnumMap<CatalogField, String> m = new EnumMap<>(defaults.columns());
        String separator = defaults.listSeparator();
        Set<CatalogField> seen = EnumSet.noneOf(CatalogField.class);
        boolean separatorSeen = false;
        for (String entry : spec.split(",", -1)) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("column mapping entry '" + entry.trim() + "' is not of the form field=column");
            }
            String key = entry.substring(0, eq).trim();
            String value = entry.substring(eq + 1).trim();
            if (key.equalsIgnoreCase(SEPARATOR_KEY)) {
                if (separatorSeen || value.isEmpty()) {
                    throw new IllegalArgumentException("column mapping entry '" + entry.trim() + "': separator must be given once and not be empty");
                }
                separatorSeen = true;
                separator = value;
                continue;
            }
            CatalogField field = CatalogField.fromKey(key);
            if (!seen.add(field)) {
                throw new IllegalArgumentException("column mapping maps field '" + field.key() + "' twice");
            }
            if (value.isEmpty()) {
                if (field.required()) {
                    throw new IllegalArgumentException("column mapping cannot unmap required field '" + field.key() + "'");
                }
                m.remove(field);
            } else {
                m.put(field, value);
            }
        }
        return new ColumnMapping(m, separator);
    }

    /** The same mapping with another list separator. */
    public ColumnMapping withListSeparator(String separator) {
        return new ColumnMapping(columns, separator);
    }

    /** The source column for a field, if the field is read at all. */
    public Optional<String> column(CatalogField field) {
        return Optional.ofNullable(columns.get(field));
    }

    /**
     * True when the field reads a column other than its own key: such a column was asked for explicitly, so a
     * file that lacks it is an error rather than an absent optional field.
     */
    public boolean isRemapped(CatalogField field) {
        String column = columns.get(field);
        return column != null && !column.equals(field.key());
    }

    /** The spec that {@link #parse(String)} turns back into this mapping (every field listed, unmapped ones empty). */
    public String toSpec() {
        StringBuilder sb = new StringBuilder();
        for (CatalogField f : CatalogField.values()) {
            sb.append(sb.isEmpty() ? "" : ",").append(f.key()).append('=').append(columns.getOrDefault(f, ""));
        }
        if (!listSeparator.equals(DEFAULT_LIST_SEPARATOR)) {
            sb.append(',').append(SEPARATOR_KEY).append('=').append(listSeparator);
        }
        return sb.toString();
    }
}
