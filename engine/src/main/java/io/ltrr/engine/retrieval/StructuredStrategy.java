package io.ltrr.engine.retrieval;

import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.IndexFields;
import io.ltrr.engine.index.Keywords;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.qu.Slot;
import io.ltrr.engine.qu.SlotType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Arm {@code structured}: query understanding + structured search. Each interpretation of the query
 * (artist≈"…" + title~"…", decade + style, type=station, …) becomes a field-constrained query: recognised
 * slots are exact filters on keyword fields (artist, album, style, genre, type, year range); a recognised
 * title and the free words are scored with BM25 on the title and name fields (required only when nothing
 * else constrains the query, so "artist≈X + title~love" still lists X's items when X has no love song); and
 * popularity breaks ties. Results of the
 * interpretations are merged by likelihood: an item's score is the best over interpretations of
 * {@code likelihood · (0.5 + 0.5 · score / best score of that interpretation)}.
 */
public final class StructuredStrategy implements RetrievalStrategy {
    /** Reads the index only (and, for dense, the in-process embedding model). */
    @Override
    public boolean retrievesOnAnyThread() {
        return true;
    }

    public static final String ID = "structured";
    /** Popularity breaks ties: a saturation of weight 1, half of it at popularity 0.5. */
    private static final float POPULARITY_WEIGHT = 1f;
    private static final float POPULARITY_PIVOT = 0.5f;
    /** The score of a filtered item that no word query matches, without popularity (the match-all clause's). */
    private static final float FLOOR = 1f;
    private static final Map<String, Float> FREE_FIELDS = new LinkedHashMap<>();

    static {
        FREE_FIELDS.put(IndexFields.TITLE, 2f);
        FREE_FIELDS.put(IndexFields.ALL, 1f);
    }

    private final CatalogIndex index;
    private final CatalogTagger tagger;
    private final IndexSearcher searcher;
    private final ResultCache results;
    private final PopularityFirst popularFirst;

    public StructuredStrategy(CatalogIndex index, CatalogTagger tagger) {
        this(index, tagger, ArmSettings.DEFAULT_CACHE_ENTRIES);
    }

    /**
     * @param cacheEntries queries whose results are kept, 0 for none (see {@link ResultCache}); the key is the
     *                     query's interpretations, which decide the searches
     */
    public StructuredStrategy(CatalogIndex index, CatalogTagger tagger, int cacheEntries) {
        this(index, tagger, cacheEntries, -1);
    }

    /** @param minPostings popular items first from this many postings of a query's term ({@link PopularityFirst}), -1: its own */
    StructuredStrategy(CatalogIndex index, CatalogTagger tagger, int cacheEntries, int minPostings) {
        this.index = index;
        this.tagger = tagger;
        this.searcher = new IndexSearcher(index.searcher().getIndexReader());
        this.results = new ResultCache(cacheEntries);
        try {
            this.popularFirst = minPostings < 0 ? new PopularityFirst(searcher) : new PopularityFirst(searcher, minPostings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "query understanding + structured search, interpretations merged by likelihood";
    }

    @Override
    public CandidateList retrieve(RetrievalRequest request, int k) {
        List<Interpretation> interpretations = analysis(request).interpretations();
        if (k <= 0) {
            return new CandidateList(ID, List.of(), "no interpretation matched");
        }
        return results.topK(interpretations, k, depth -> search(interpretations, depth));
    }

    @Override
    public CacheStats resultCacheStats() {
        return results.stats();
    }

    /** Each interpretation's top k, merged by likelihood × relative score (an item keeps its best reading). */
    private CandidateList search(List<Interpretation> interpretations, int k) {
        InterpretationMerge merge = new InterpretationMerge();
        for (Interpretation in : interpretations) {
            Parts parts = parts(in);
            if (parts.isEmpty()) {
                continue;
            }
            TopDocs top = search(parts, k);
            int[] docs = new int[top.scoreDocs.length];
            double[] scores = new double[docs.length];
            double[] tieBreaks = new double[docs.length];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[i].doc;
                scores[i] = top.scoreDocs[i].score;
                tieBreaks[i] = docs[i];
            }
            merge.add(in, List.of(index.itemIds(docs)), scores, tieBreaks);
        }
        return merge.top(ID, k);
    }

    @Override
    public ScoreExplanation explain(RetrievalRequest request, String itemId) {
        int doc = index.docId(itemId);
        QueryAnalysis analysis = analysis(request);
        List<ScoreExplanation> matched = new ArrayList<>();
        for (Interpretation in : analysis.interpretations()) {
            Query q = query(in);
            try {
                if (doc >= 0 && q != null && searcher.explain(q, doc).isMatch()) {
                    matched.add(new ScoreExplanation(in.likelihood(), "interpretation " + in.description(),
                            List.of(LuceneExplanations.convert(searcher.explain(q, doc)))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        double value = matched.stream().mapToDouble(ScoreExplanation::value).max().orElse(0);
        return new ScoreExplanation(value, matched.isEmpty() ? "structured: no interpretation matches this item"
                : "structured: interpretations that match (likelihood)", matched);
    }

    /** The analysis of the request, made here when the caller did not bring one. */
    QueryAnalysis analysis(RetrievalRequest request) {
        return request.analysis() != null ? request.analysis() : tagger.analyze(request.query());
    }

    /** Searches answered popular items first. */
    long prunedSearches() {
        return popularFirst.prunedSearches();
    }

    /** The query's top k, found popular items first ({@link PopularityFirst}): the same as its own search. */
    TopDocs search(Parts parts, int k) {
        try {
            // the query without popularity is built only when popular items first is tried
            return parts.hasFloor()
                    ? popularFirst.search(parts.query(true), parts::aboveFloor, FLOOR, POPULARITY_WEIGHT, POPULARITY_PIVOT, k)
                    : popularFirst.search(parts.query(true), () -> parts.query(false), Float.NEGATIVE_INFINITY,
                            POPULARITY_WEIGHT, POPULARITY_PIVOT, k);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top k of one interpretation's query (empty when it constrains nothing), as the arm searches it. */
    TopDocs search(Interpretation in, int k) {
        Parts parts = parts(in);
        return parts.isEmpty() ? new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0])
                : search(parts, k);
    }

    /** The field-constrained query of one interpretation, or null when it constrains nothing. */
    Query query(Interpretation in) {
        return parts(in).query(true);
    }

    /** An interpretation's exact filters (artist, type, years, …) and its scored word queries. */
    private Parts parts(Interpretation in) {
        List<Query> filters = new ArrayList<>();
        List<Query> scored = new ArrayList<>();
        for (Slot slot : in.slots()) {
            Query q = slot.type() == SlotType.TITLE ? titleWords(slot.value()) : filter(slot);
            if (q != null) {
                (slot.type() == SlotType.TITLE ? scored : filters).add(q);
            }
        }
        String free = String.join(" ", in.freeTokens());
        Query words = free.isBlank() ? null : BagOfWords.build(index.analyzer(), FREE_FIELDS, free);
        if (words != null) {
            scored.add(words);
        }
        return new Parts(filters, scored);
    }

    /**
     * The queries of an interpretation: with filters, every filtered item matches and the word queries only add to
     * its score (a constant {@link #FLOOR} for the filtered set); without, the words must match.
     */
    record Parts(List<Query> filters, List<Query> scored) {
        /** Constrains nothing: no query. */
        boolean isEmpty() {
            return scored.isEmpty() && filters.isEmpty();
        }

        /** Filters and words: the filtered items no word matches score a floor ({@link #aboveFloor}). */
        boolean hasFloor() {
            return !filters.isEmpty() && !scored.isEmpty();
        }

        /** The query, with or without the popularity clause; null when it constrains nothing. */
        Query query(boolean withPopularity) {
            if (isEmpty()) {
                return null;
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            filters.forEach(f -> b.add(f, Occur.FILTER));
            for (Query q : scored) {
                b.add(q, filters.isEmpty() ? Occur.MUST : Occur.SHOULD);
            }
            if (!filters.isEmpty()) {
                b.add(new MatchAllDocsQuery(), Occur.SHOULD); // the filtered set, even when no word scores
            }
            if (withPopularity) {
                b.add(FeatureField.newSaturationQuery(IndexFields.FEATURES, IndexFields.POPULARITY, POPULARITY_WEIGHT,
                        POPULARITY_PIVOT), Occur.SHOULD);
            }
            return b.build();
        }

        /**
         * With filters and words: the filtered items a word query matches, scored as in {@link #query} without
         * popularity (every other filtered item scores {@link #FLOOR} there). Null otherwise. Lucene leads with the
         * words' postings here, where the query itself visits every filtered item (a type=track filter: most of a
         * catalog).
         */
        Query aboveFloor() {
            if (!hasFloor()) {
                return null;
            }
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            scored.forEach(q -> words.add(q, Occur.SHOULD));
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            filters.forEach(f -> b.add(f, Occur.FILTER));
            return b.add(words.build(), Occur.MUST).add(new MatchAllDocsQuery(), Occur.SHOULD).build();
        }
    }

    private Query filter(Slot slot) {
        return switch (slot.type()) {
            case ARTIST -> new TermQuery(new Term(IndexFields.ARTIST_KEY, Keywords.key(slot.value())));
            case ALBUM -> new TermQuery(new Term(IndexFields.ALBUM_KEY, Keywords.key(slot.value())));
            case STYLE -> new TermQuery(new Term(IndexFields.STYLE_KEY, Keywords.key(slot.value())));
            case GENRE -> new TermQuery(new Term(IndexFields.GENRE_KEY, Keywords.key(slot.value())));
            case TYPE -> new TermQuery(new Term(IndexFields.TYPE, slot.itemType().key()));
            case DECADE, YEAR -> IntPoint.newRangeQuery(IndexFields.YEAR, slot.yearFrom(), slot.yearTo());
            case TITLE -> titleWords(slot.value());
        };
    }

    /** Every word of the matched title in the item's title. */
    private Query titleWords(String title) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        for (String term : BagOfWords.termCounts(index.analyzer(), IndexFields.TITLE, title).keySet()) {
            b.add(new TermQuery(new Term(IndexFields.TITLE, term)), Occur.MUST);
            n++;
        }
        return n == 0 ? null : b.build();
    }
}
