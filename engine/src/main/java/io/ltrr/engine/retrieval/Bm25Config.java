package io.ltrr.engine.retrieval;

import io.ltrr.engine.index.IndexFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BM25 parameters and the fields searched with their boosts (the score is the boosted sum of per-field BM25).
 *
 * @param k1     term-frequency saturation, &gt; 0
 * @param b      length normalization in [0, 1]
 * @param fields field name → boost (&gt; 0), searched in this order
 */
public record Bm25Config(double k1, double b, Map<String, Float> fields) {
    public Bm25Config {
        if (!(k1 > 0) || Double.isInfinite(k1)) {
            throw new IllegalArgumentException("k1 must be a positive number, was " + k1);
        }
        if (!(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("b must be in [0, 1], was " + b);
        }
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("fields must name at least one field");
        }
        for (var e : fields.entrySet()) {
            if (!IndexFields.TEXT_FIELDS.contains(e.getKey())) {
                throw new IllegalArgumentException("fields: unknown field '" + e.getKey() + "' (known: "
                        + IndexFields.TEXT_FIELDS + ")");
            }
            if (!(e.getValue() > 0) || Float.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("fields: boost of '" + e.getKey() + "' must be > 0, was "
                        + e.getValue());
            }
        }
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Music catalog defaults: names weigh most, tags less; k1/b are Lucene's defaults. */
    public static Bm25Config music() {
        Map<String, Float> f = new LinkedHashMap<>();
        f.put(IndexFields.TITLE, 3.0f);
        f.put(IndexFields.ARTIST, 2.5f);
        f.put(IndexFields.ALBUM, 1.5f);
        f.put(IndexFields.STYLE, 1.2f);
        f.put(IndexFields.GENRE, 1.0f);
        return new Bm25Config(1.2, 0.75, f);
    }

    /** Anserini's BEIR "flat" baseline: k1=0.9, b=0.4, title and text in one field. */
    public static Bm25Config beirFlat() {
        return new Bm25Config(0.9, 0.4, Map.of(IndexFields.ALL, 1.0f));
    }

    /** Anserini's BEIR "multifield" configuration: title and text as separate, equally weighted fields. */
    public static Bm25Config beirMultifield() {
        Map<String, Float> f = new LinkedHashMap<>();
        f.put(IndexFields.TITLE, 1.0f);
        f.put(IndexFields.TEXT, 1.0f);
        return new Bm25Config(0.9, 0.4, f);
    }

    /**
     * Parses "title^3,artist^2.5,all" (boost 1 when omitted).
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static Map<String, Float> parseFields(String spec) {
        Map<String, Float> out = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int caret = p.indexOf('^');
            String name = caret < 0 ? p : p.substring(0, caret).trim();
            float boost;
            try {
                boost = caret < 0 ? 1f : Float.parseFloat(p.substring(caret + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fields: bad boost in '" + p + "' (expected name^number)");
            }
            out.put(name, boost);
        }
        return out;
    }
}
