package io.ltrr.engine.index;

import java.util.List;

/** Names of the fields of a catalog index. They are part of the on-disk format: renaming one needs a rebuild. */
public final class IndexFields {
    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String TITLE = "title";
    public static final String ARTIST = "artist";
    public static final String ALBUM = "album";
    public static final String GENRE = "genre";
    public static final String STYLE = "style";
    public static final String TEXT = "text";
    /** Every text field in one, for bag-of-words search over the whole item. */
    public static final String ALL = "all";
    /** Exact, normalized (lower-case, accent-folded) keyword copies for structured search. */
    public static final String ARTIST_KEY = "artist_key";
    public static final String ALBUM_KEY = "album_key";
    public static final String GENRE_KEY = "genre_key";
    public static final String STYLE_KEY = "style_key";
    public static final String YEAR = "year";
    public static final String POPULARITY = "popularity";
    /** FeatureField holder; the feature inside it is {@link #POPULARITY}. */
    public static final String FEATURES = "features";
    public static final String VECTOR = "vector";
    /** The whole item as JSON, so a hit can be turned back into an Item. */
    public static final String SOURCE = "_source";

    /** The analyzed text fields, in the order the GUI lists them. */
    public static final List<String> TEXT_FIELDS = List.of(TITLE, ARTIST, ALBUM, GENRE, STYLE, TEXT, ALL);

    private IndexFields() {
    }
}
