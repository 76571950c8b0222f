package io.ltrr.engine.index;

import io.ltrr.engine.catalog.Item;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Turns an item into its Lucene document, and says what text of it is embedded. */
public final class ItemDocuments {
    /** FeatureField needs a positive value; a popularity of 0 is stored as this floor. */
    static final float MIN_FEATURE = 1e-4f;

    private ItemDocuments() {
    }

    /**
     * Searchable text: BM25 needs each term's frequency and the field's length (norms), not its positions, since
     * no arm runs phrase or proximity queries; leaving positions out makes the index smaller and faster to build.
     */
    static final FieldType TEXT = textType();

    private static FieldType textType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    static Document toDocument(Item item, float[] vector) {
        return toDocument(item, vector, ItemJson.write(item));
    }

    /** @param json the item as {@link ItemJson#write} writes it (stored, so the item can be read back) */
    static Document toDocument(Item item, float[] vector, String json) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, item.id(), Field.Store.YES));
        // Doc values make id lookups for thousands of hits cheap: no stored-field decompression.
        doc.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(item.id())));
        doc.add(new StringField(IndexFields.TYPE, item.type().key(), Field.Store.YES));
        text(doc, IndexFields.TITLE, item.title());
        text(doc, IndexFields.ARTIST, item.artist());
        text(doc, IndexFields.ALBUM, item.album());
        text(doc, IndexFields.TEXT, item.text());
        keyword(doc, IndexFields.ARTIST_KEY, item.artist());
        keyword(doc, IndexFields.ALBUM_KEY, item.album());
        for (String genre : item.genres()) {
            text(doc, IndexFields.GENRE, genre);
            keywordAndValues(doc, IndexFields.GENRE_KEY, genre);
        }
        for (String style : item.styles()) {
            text(doc, IndexFields.STYLE, style);
            keywordAndValues(doc, IndexFields.STYLE_KEY, style);
        }
        text(doc, IndexFields.ALL, allText(item));
        doc.add(new IntPoint(IndexFields.YEAR, item.year()));
        doc.add(new NumericDocValuesField(IndexFields.YEAR, item.year()));
        doc.add(new FeatureField(IndexFields.FEATURES, IndexFields.POPULARITY,
                Math.max(MIN_FEATURE, (float) item.popularity())));
        doc.add(new DoubleDocValuesField(IndexFields.POPULARITY, item.popularity()));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        doc.add(new StoredField(IndexFields.SOURCE, json));
        return doc;
    }

    /**
     * Everything searchable about the item in one field. For a document this is title + text, the
     * "contents" field of Anserini's BEIR flat index.
     */
    public static String allText(Item item) {
        List<String> parts = new ArrayList<>();
        parts.add(item.title());
        parts.add(item.artist());
        parts.add(item.album());
        parts.addAll(item.genres());
        parts.addAll(item.styles());
        parts.add(item.text());
        return join(parts);
    }

    /**
     * About 256 word pieces of English text: all-MiniLM-L6-v2 was trained with at most 256 and
     * sentence-transformers truncates there; longer input only costs time (attention is quadratic).
     */
    static final int MAX_EMBEDDED_CHARS = 1200;

    /** The sentence embedded for the dense arm: the words a person would use to describe the item. */
    public static String embeddingText(Item item) {
        List<String> parts = new ArrayList<>();
        parts.add(item.title());
        if (!item.artist().isEmpty() && !item.artist().equals(item.title())) {
            parts.add("by " + item.artist());
        }
        if (!item.album().isEmpty() && !item.album().equals(item.title())) {
            parts.add("from " + item.album());
        }
        parts.addAll(item.styles());
        parts.addAll(item.genres());
        parts.add(item.text());
        return truncate(join(parts), MAX_EMBEDDED_CHARS);
    }

    /** Cuts at the last space before {@code max} characters (or at {@code max} when there is none). */
    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int space = s.lastIndexOf(' ', max);
        return s.substring(0, space > max / 2 ? space : max);
    }

    private static String join(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(p);
            }
        }
        return sb.toString();
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new Field(field, value, TEXT));
        }
    }

    /** A keyword and its doc values, so an arm can read an item's styles without loading the stored item. */
    private static void keywordAndValues(Document doc, String field, String value) {
        String key = Keywords.key(value);
        if (!key.isEmpty()) {
            doc.add(new StringField(field, key, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(field, new BytesRef(key)));
        }
    }

    private static void keyword(Document doc, String field, String value) {
        String key = Keywords.key(value);
        if (!key.isEmpty()) {
            doc.add(new StringField(field, key, Field.Store.NO));
        }
    }
}
