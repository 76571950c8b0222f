package io.ltrr.engine.backend.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexFields;
import io.ltrr.engine.index.ItemDocuments;
import io.ltrr.engine.index.ItemJson;
import io.ltrr.engine.index.Keywords;
import io.ltrr.engine.retrieval.Bm25Config;
import java.util.Map;

/**
 * The index the workbench writes into OpenSearch: the embedded index's fields with the same analysis (Lucene's
 * EnglishAnalyzer is OpenSearch's {@code english}; the folding chain is standard + lowercase + asciifolding),
 * BM25 with the arms' k1 and b on every text field, popularity as a {@code rank_feature} (and a plain float the
 * explore arm's script reads), styles and genres as keywords, the sentence embeddings as a {@code knn_vector}
 * (HNSW, Lucene engine, cosine: the same scores as the embedded index's dot product on unit vectors), and the
 * whole item kept as an unindexed object. The workbench's facts about the build are in the mapping's
 * {@code _meta}.
 */
final class OpenSearchMapping {
    /** Bump when fields or their analysis change: an index of another version is rebuilt. */
    static final int VERSION = 1;
    static final String POPULARITY_VALUE = "popularity_value";
    static final String ITEM = "item";
    static final String SIMILARITY = "ltrr_bm25";
    static final String FOLDING = "ltrr_folding";
    /** A rank_feature must be positive: a popularity of 0 is stored as this floor (as the embedded index does). */
    static final float MIN_FEATURE = 1e-4f;

    static final String META_FINGERPRINT = "ltrr_fingerprint";
    static final String META_VERSION = "ltrr_mapping_version";
    static final String META_ANALYZER = "ltrr_analyzer";
    static final String META_EMBEDDING_MODEL = "ltrr_embedding_model";
    static final String META_ITEMS = "ltrr_items";
    static final String META_BUILT_AT = "ltrr_built_at";
    static final String META_K1 = "ltrr_bm25_k1";
    static final String META_B = "ltrr_bm25_b";

    private OpenSearchMapping() {
    }

    /**
     * The create-index body.
     *
     * @param dimension the vectors' dimension, or 0 for an index without vectors
     * @param shards    primary shards (1 keeps BM25's statistics exactly those of the embedded index)
     */
    static ObjectNode body(AnalyzerKind analyzer, Bm25Config bm25, int dimension, int shards, Map<String, String> meta) {
        ObjectNode root = OpenSearchClient.JSON.createObjectNode();
        ObjectNode index = root.putObject("settings").putObject("index");
        index.put("number_of_shards", shards);
        index.put("auto_expand_replicas", "0-1");
        index.put("refresh_interval", "-1");
        if (dimension > 0) {
            index.put("knn", true);
        }
        ObjectNode similarity = index.putObject("similarity").putObject(SIMILARITY);
        similarity.put("type", "BM25");
        similarity.put("k1", bm25.k1());
        similarity.put("b", bm25.b());
        ObjectNode folding = index.putObject("analysis").putObject("analyzer").putObject(FOLDING);
        folding.put("type", "custom");
        folding.put("tokenizer", "standard");
        folding.putArray("filter").add("lowercase").add("asciifolding");

        ObjectNode mappings = root.putObject("mappings");
        mappings.put("dynamic", "strict");
        ObjectNode metaNode = mappings.putObject("_meta");
        meta.forEach(metaNode::put);
        mappings.putObject("_source").putArray("excludes").add(IndexFields.VECTOR);
        ObjectNode props = mappings.putObject("properties");
        keyword(props, IndexFields.ID);
        keyword(props, IndexFields.TYPE);
        String analyzerName = analyzer == AnalyzerKind.ENGLISH ? "english" : FOLDING;
        for (String field : IndexFields.TEXT_FIELDS) {
            ObjectNode f = props.putObject(field);
            f.put("type", "text");
            f.put("analyzer", analyzerName);
            f.put("similarity", SIMILARITY);
            f.put("index_options", "freqs");
        }
        for (String field : new String[] {IndexFields.ARTIST_KEY, IndexFields.ALBUM_KEY, IndexFields.GENRE_KEY,
                IndexFields.STYLE_KEY}) {
            keyword(props, field);
        }
        props.putObject(IndexFields.YEAR).put("type", "integer");
        props.putObject(IndexFields.POPULARITY).put("type", "rank_feature");
        props.putObject(POPULARITY_VALUE).put("type", "float");
        if (dimension > 0) {
            ObjectNode v = props.putObject(IndexFields.VECTOR);
            v.put("type", "knn_vector");
            v.put("dimension", dimension);
            ObjectNode method = v.putObject("method");
            method.put("name", "hnsw");
            method.put("engine", "lucene");
            method.put("space_type", "cosinesimil");
        }
        ObjectNode item = props.putObject(ITEM);
        item.put("type", "object");
        item.put("enabled", false);
        return root;
    }

    private static void keyword(ObjectNode props, String field) {
        props.putObject(field).put("type", "keyword");
    }

    /** The document of one item (the fields of the embedded index's document, same values). */
    static ObjectNode document(Item item, float[] vector) {
        ObjectNode doc = OpenSearchClient.JSON.createObjectNode();
        doc.put(IndexFields.ID, item.id());
        doc.put(IndexFields.TYPE, item.type().key());
        text(doc, IndexFields.TITLE, item.title());
        text(doc, IndexFields.ARTIST, item.artist());
        text(doc, IndexFields.ALBUM, item.album());
        text(doc, IndexFields.TEXT, item.text());
        key(doc, IndexFields.ARTIST_KEY, item.artist());
        key(doc, IndexFields.ALBUM_KEY, item.album());
        ArrayNode genres = doc.putArray(IndexFields.GENRE);
        ArrayNode genreKeys = doc.putArray(IndexFields.GENRE_KEY);
        for (String genre : item.genres()) {
            addText(genres, genre);
            addKey(genreKeys, genre);
        }
        ArrayNode styles = doc.putArray(IndexFields.STYLE);
        ArrayNode styleKeys = doc.putArray(IndexFields.STYLE_KEY);
        for (String style : item.styles()) {
            addText(styles, style);
            addKey(styleKeys, style);
        }
        text(doc, IndexFields.ALL, ItemDocuments.allText(item));
        doc.put(IndexFields.YEAR, item.year());
        doc.put(IndexFields.POPULARITY, Math.max(MIN_FEATURE, (float) item.popularity()));
        doc.put(POPULARITY_VALUE, item.popularity());
        if (vector != null) {
            ArrayNode v = doc.putArray(IndexFields.VECTOR);
            for (float x : vector) {
                v.add(x);
            }
        }
        try {
            doc.set(ITEM, OpenSearchClient.JSON.readTree(ItemJson.write(item)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write item " + item.id() + " as JSON", e);
        }
        return doc;
    }

    /** The item kept in a hit's {@code _source}. */
    static Item item(com.fasterxml.jackson.databind.JsonNode source) {
        return ItemJson.read(source.path(ITEM).toString());
    }

    private static void text(ObjectNode doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.put(field, value);
        }
    }

    private static void addText(ArrayNode values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }

    private static void key(ObjectNode doc, String field, String value) {
        String k = value == null ? "" : Keywords.key(value);
        if (!k.isEmpty()) {
            doc.put(field, k);
        }
    }

    private static void addKey(ArrayNode values, String value) {
        String k = value == null ? "" : Keywords.key(value);
        if (!k.isEmpty()) {
            values.add(k);
        }
    }
}
