package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the raw values of one source row into an {@link Item}, the same way for CSV and JSONL. Values arrive as
 * text or (from JSON arrays) as lists of text; anything that does not fit throws {@link IllegalArgumentException}
 * with a message naming the field and source column, which the readers turn into a {@link LoadProblem}.
 */
final class ItemDecoder {

    private final ColumnMapping mapping;
    private final boolean typeRequired;
    private final Pattern listSplit;

    /**
     * @param typeRequired when false a row without a type is a {@link ItemType#TRACK} (plain track lists need no
     *                     type column); when true (the sample schema) a missing type is a problem
     */
    ItemDecoder(ColumnMapping mapping, boolean typeRequired) {
        this.mapping = mapping;
        this.typeRequired = typeRequired;
        this.listSplit = Pattern.compile(Pattern.quote(mapping.listSeparator()));
    }

    /** @param values field to raw value (String or List of String); a field without an entry was not supplied */
    Item decode(Map<CatalogField, Object> values) {
        String id = text(values, CatalogField.ID);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("missing " + describe(CatalogField.ID));
        }
        if (!values.containsKey(CatalogField.TITLE)) {
            throw new IllegalArgumentException("missing " + describe(CatalogField.TITLE));
        }
        return new Item(id, type(values), text(values, CatalogField.TITLE),
                text(values, CatalogField.ARTIST), text(values, CatalogField.ALBUM),
                list(values, CatalogField.GENRES), list(values, CatalogField.STYLES),
                integer(values, CatalogField.YEAR), text(values, CatalogField.LABEL),
                seconds(values, CatalogField.DURATION), decimal(values, CatalogField.POPULARITY),
                text(values, CatalogField.URL), text(values, CatalogField.TEXT));
    }

    private ItemType type(Map<CatalogField, Object> values) {
        String type = text(values, CatalogField.TYPE);
        if (type.isEmpty()) {
            if (typeRequired) {
                throw new IllegalArgumentException("missing " + describe(CatalogField.TYPE));
            }
            return ItemType.TRACK;
        }
        return ItemType.fromKey(type);
    }

    private String text(Map<CatalogField, Object> values, CatalogField field) {
        Object raw = values.get(field);
        if (raw == null) {
            return "";
        }
        if (raw instanceof String s) {
            return s.trim();
        }
        throw new IllegalArgumentException(describe(field) + " must be a single value, not a list");
    }

    private List<String> list(Map<CatalogField, Object> values, CatalogField field) {
        Object raw = values.get(field);
        List<String> parts = switch (raw) {
            case null -> List.of();
            case String s -> List.of(listSplit.split(s, -1));
            case List<?> l -> l.stream().map(String::valueOf).toList();
            default -> throw new IllegalArgumentException(describe(field) + " must be text or a list");
        };
        List<String> cleaned = new ArrayList<>(parts.size());
        for (String part : parts) {
            String t = part.trim();
            if (!t.isEmpty()) {
                cleaned.add(t);
            }
        }
        return cleaned;
    }

    private int integer(Map<CatalogField, Object> values, CatalogField field) {
        String s = text(values, field);
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(describe(field) + " is not a whole number: '" + s + "'");
        }
    }

    /** Durations are often exported with fractions of a second; round to whole seconds rather than reject them. */
    private int seconds(Map<CatalogField, Object> values, CatalogField field) {
        BigDecimal d = number(values, field);
        try {
            return d.setScale(0, RoundingMode.HALF_UP).intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(describe(field) + " is out of range: " + d.toPlainString());
        }
    }

    private double decimal(Map<CatalogField, Object> values, CatalogField field) {
        return number(values, field).doubleValue();
    }

    private BigDecimal number(Map<CatalogField, Object> values, CatalogField field) {
        String s = text(values, field);
        if (s.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(describe(field) + " is not a number: '" + s + "'");
        }
    }

    private String describe(CatalogField field) {
        return field.key() + " (column '" + mapping.column(field).orElse(field.key()) + "')";
    }
}
