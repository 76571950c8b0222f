package io.ltrr.engine.qu;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ltrr.engine.catalog.Item;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Query understanding for structured retrieval: reads a query as catalog slots (artist, album, title,
 * genre, style, decade, year, item type) plus free title/text words, and says how likely each reading is.
 *
 * <h2>Matching</h2>
 * The catalog's artist names, album titles, track titles, genres and styles are normalized into a phrase
 * dictionary. Spans of up to {@value SpanMatcher#MAX_SPAN} query tokens are matched against it: exactly,
 * fuzzily (Damerau–Levenshtein: no edit up to 3 characters, 1 up to 7, 2 beyond; only for words the
 * catalog does not contain), by prefix of the last token while it is being typed, and partially (a span
 * covering part of a phrase, such as a surname; not for titles, which free text already searches).
 * Decades, years and item type words come from rules ({@link PatternRecognizer}).
 *
 * <h2>Likelihood model</h2>
 * An interpretation is a set of non-overlapping slots, at most one per slot type; the other tokens are
 * free text. Its score is
 * <pre>
 *   Π_slots  similarity × typePrior(slot type) × phrasePrior(phrase)   ×   FREE_TOKEN ^ (free tokens)
 * </pre>
 * where similarity is the character-weighted token similarity (1 exact, 0.9 × (1 − edits/length) fuzzy,
 * 0.9 × typed/full length for a prefix), for a partial match also × 0.8 × √(share of the phrase's words
 * covered); typePrior ranks slot types (titles lowest, since any word may be in a title); phrasePrior in
 * [0.5, 1] grows with the popularity and frequency of the phrase in the catalog; FREE_TOKEN is what a word
 * is worth when nothing explains it: 0.3 for a word the catalog uses, 0.15 for one it never uses (so a
 * typo reading of an unknown word can win). Styles and genres may occur more than once ("minimal tech
 * house"); other slot types at most once. A beam search over token positions keeps the best readings; the top ones (always including the
 * plain free-text reading) are normalized so that their likelihoods sum to 1. Everything is deterministic:
 * ties are broken by the readings' descriptions.
 *
 * <p>Build cost is linear in the catalog; a query touches only the phrases holding its (near) tokens.
 * Instances are immutable and thread-safe. The analyses of recent queries are kept ({@value #CACHED_QUERIES}
 * of them): an analysis depends on the query string alone, and queries repeat.
 */
public final class CatalogTagger {

    /** Interpretations returned per query at most. */
    public static final int MAX_INTERPRETATIONS = 8;
    /** Query strings whose analysis is kept. */
    public static final int CACHED_QUERIES = 4096;

    private final QueryNormalizer normalizer;
    private final PhraseDictionary dictionary;
    private final SpanMatcher matcher;
    private final PatternRecognizer patterns = new PatternRecognizer();
    private final InterpretationSearch search = new InterpretationSearch(MAX_INTERPRETATIONS);
    private final QueryTypeClassifier classifier = new QueryTypeClassifier();
    private final Cache<String, QueryAnalysis> recent;

    private CatalogTagger(QueryNormalizer normalizer, PhraseDictionary dictionary, int cachedQueries) {
        this.normalizer = normalizer;
        this.dictionary = dictionary;
        this.matcher = new SpanMatcher(dictionary);
        this.recent = cachedQueries == 0 ? null
                : Caffeine.newBuilder().maximumSize(cachedQueries).executor(Runnable::run).build();
    }

    /** The phrases the tagger matches (tests). */
    PhraseDictionary dictionary() {
        return dictionary;
    }

    /** The same tagger without the cache of recent analyses (every query analysed anew: for benchmarks). */
    public CatalogTagger uncached() {
        return new CatalogTagger(normalizer, dictionary, 0);
    }

    /**
     * The same tagger keeping the analyses of up to {@code queries} recent query strings (a simulation's, whose
     * worlds and seeds repeat many more queries than a live session does).
     */
    public CatalogTagger withCachedQueries(int queries) {
        if (queries < 0) {
            throw new IllegalArgumentException("cached queries must be >= 0, was " + queries);
        }
        return new CatalogTagger(normalizer, dictionary, queries);
    }

    /**
     * The tagger over a catalog whose dictionary is kept in {@code file} under {@code key} (the catalog index's
     * fingerprint): read from the file when it holds that key, otherwise built from the items (only then asked for)
     * and written there for the next start. A blank key is never kept. The result is the same as {@link #build}'s.
     */
    public static CatalogTagger cached(Path file, String key, Supplier<List<Item>> items) {
        Objects.requireNonNull(file, "file");
        if (key == null || key.isBlank()) {
            return build(items.get());
        }
        Optional<PhraseDictionary> kept = TaggerDictionaryFile.read(file, key);
        if (kept.isPresent()) {
            return new CatalogTagger(new QueryNormalizer(), kept.get(), CACHED_QUERIES);
        }
        CatalogTagger built = build(items.get());
        TaggerDictionaryFile.write(file, key, built.dictionary);
        return built;
    }

    /** Builds a tagger over the items with the default {@link QueryNormalizer}. */
    public static CatalogTagger build(List<Item> items) {
        return build(items, new QueryNormalizer());
    }

    /**
     * Builds a tagger over the items. Tracks give their title, artist, album, genres and styles; albums
     * their title (as album) and artist; artists their name; stations their genres and styles. Documents
     * of IR test collections hold no catalog slots and are skipped.
     */
    public static CatalogTagger build(List<Item> items, QueryNormalizer normalizer) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(normalizer, "normalizer");
        PhraseDictionary.Builder builder = new PhraseDictionary.Builder(normalizer);
        for (Item item : items) {
            double pop = item.popularity();
            switch (item.type()) {
                case TRACK -> builder.add(SlotType.TITLE, item.title(), pop)
                        .add(SlotType.ARTIST, item.artist(), pop)
                        .add(SlotType.ALBUM, item.album(), pop);
                case ALBUM -> builder.add(SlotType.ALBUM, item.title(), pop).add(SlotType.ARTIST, item.artist(), pop);
                case ARTIST -> builder.add(SlotType.ARTIST, item.title(), pop);
                case STATION, DOCUMENT -> {
                    // Station names repeat their style; documents carry no catalog slots.
                }
            }
            if (item.type() != io.ltrr.engine.catalog.ItemType.DOCUMENT) {
                item.genres().forEach(g -> builder.add(SlotType.GENRE, g, pop));
                item.styles().forEach(s -> builder.add(SlotType.STYLE, s, pop));
            }
        }
        return new CatalogTagger(normalizer, builder.build(), CACHED_QUERIES);
    }

    /** Analyses one query; never throws for any string, {@code null} included (read as empty). */
    public QueryAnalysis analyze(String query) {
        String original = query == null ? "" : query;
        return recent == null ? analyzeNow(original) : recent.get(original, this::analyzeNow);
    }

    private QueryAnalysis analyzeNow(String original) {
        NormalizedQuery normalized = normalizer.normalize(original);
        List<String> tokens = normalized.tokens();
        // A query ending in a space has a finished last word: no prefix completion then.
        boolean lastTokenOpen = !original.isEmpty() && !Character.isWhitespace(original.charAt(original.length() - 1));
        List<SlotCandidate> candidates = new ArrayList<>(matcher.match(tokens, lastTokenOpen));
        candidates.addAll(patterns.recognize(tokens));
        double[] freeWeights = tokens.stream()
                .mapToDouble(t -> LikelihoodModel.freeToken(dictionary.vocabulary().id(t) >= 0))
                .toArray();
        List<Interpretation> interpretations = search.search(tokens, freeWeights, candidates);
        int singleFrequency = tokens.size() == 1 ? dictionary.vocabulary().phraseFrequency(tokens.getFirst()) : 0;
        QueryType type = classifier.classify(tokens, interpretations, singleFrequency);
        return new QueryAnalysis(original, normalized.text(), tokens, interpretations, type,
                interpretations.getFirst().likelihood(), classifier.features(tokens, interpretations, type));
    }

    /** Number of distinct phrases in the dictionary (aliases included). */
    public int phraseCount() {
        return dictionary.size();
    }

    /** Number of distinct phrase tokens. */
    public int vocabularySize() {
        return dictionary.vocabulary().size();
    }
}
