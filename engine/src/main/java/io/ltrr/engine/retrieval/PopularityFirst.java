package io.ltrr.engine.retrieval;

import io.ltrr.engine.index.IndexFields;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The top k of a query that adds a saturated popularity bonus ({@code weight · p / (p + pivot)}, Lucene's
 * FeatureField saturation) to a base query, found without scoring every match of the base. Lucene's block-max
 * pruning cannot skip here: items are indexed in catalog order, so every block holds a popular item and the
 * bonus's block maximum is high everywhere, and a word as common as "the" makes a million-item search score a
 * third of the catalog.
 *
 * <p>The same top k, in a few searches: (1) the popular band (the items whose stored popularity is among the top
 * {@value #BAND_SHARE_PERCENT} %) searched with the base query alone, where Lucene's pruning works, each item's own
 * bonus added from its stored popularity (`NearTop`), which gives the band's k best by the full query; (2) the base
 * query over every other item, which needs a base score of at least the running k-th less the largest bonus an item
 * outside the band can have (the same collector goes on: the k-th rises as other items come near the top); (3) the
 * full query over the k best of (1) and (2) and every item within rounding of their k-th: Lucene's own scores, so the
 * result is the full query's (tested against it). When the base leaves out items at a floor score (structured's
 * filtered items that no word matches), (1) is the full query over the band. When no term of the query is frequent
 * enough for the band to hold about k of its matches, when the band holds fewer than k, or when many items come
 * near the top, the full query is searched as it is.
 */
final class PopularityFirst {
    static final int BAND_SHARE_PERCENT = 4;
    /**
     * Below this many items holding the query's most frequent term, the full query is searched as it is: scoring
     * every match costs less than the three searches (in the 30,000-item sample catalog no word is this frequent;
     * at a million items "the" is in a third of them).
     */
    static final int MIN_POSTINGS = 20_000;

    private final IndexSearcher searcher;
    private final Map<Term, Integer> frequentTerms;
    private final LongAdder pruned = new LongAdder();
    /** The largest stored popularity an item outside the band can have. */
    private final float below;
    /** The largest stored popularity, and each item's (per leaf ord, by doc id; null without a band). */
    private final float highest;
    private final float[][] popularity;
    private final DocSetQuery band;

    /**
     * The most popular items of one index reader and its frequent terms, found once per reader: {@code bm25-pop} and
     * {@code structured} search the same reader (a million items: about 0.1–0.3 s to find them).
     *
     * @param below         the largest stored popularity outside the band
     * @param query         the band as a filter, null when no band helps (the search is then made as it is)
     * @param frequentTerms the terms in at least the minimum number of items, and their counts
     */
    private record Band(float below, float highest, float[][] popularity, DocSetQuery query,
                        Map<Term, Integer> frequentTerms) {
    }

    private static final Cache<IndexReader.CacheKey, Band> BANDS = Caffeine.newBuilder().weakKeys()
            .executor(Runnable::run).build();

    /** @param searcher the searcher (and similarity) of the arm; its reader's band is found once per reader */
    PopularityFirst(IndexSearcher searcher) throws IOException {
        this.searcher = searcher;
        IndexReader reader = searcher.getIndexReader();
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        Band found;
        try {
            found = helper == null ? band(reader, MIN_POSTINGS) : BANDS.get(helper.getKey(), key -> {
                try {
                    return band(reader, MIN_POSTINGS);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        this.below = found.below();
        this.highest = found.highest();
        this.popularity = found.popularity();
        this.band = found.query();
        this.frequentTerms = found.frequentTerms();
    }

    /** @param minPostings the postings of a query's most frequent term below which it is searched as it is */
    PopularityFirst(IndexSearcher searcher, int minPostings) throws IOException {
        this.searcher = searcher;
        Band found = band(searcher.getIndexReader(), minPostings);
        this.below = found.below();
        this.highest = found.highest();
        this.popularity = found.popularity();
        this.band = found.query();
        this.frequentTerms = found.frequentTerms();
    }

    private static Band band(IndexReader reader, int minPostings) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        float[][] byLeaf = new float[leaves.size()][];
        float[] all = new float[reader.maxDoc()];
        int n = 0;
        for (LeafReaderContext leaf : leaves) {
            float[] values = storedFeatures(leaf);
            byLeaf[leaf.ord] = values;
            System.arraycopy(values, 0, all, n, values.length);
            n += values.length;
        }
        Arrays.sort(all, 0, n);
        // the band: a stored popularity at or above the threshold (at most half the catalog: many equal values, no
        // band); below the smallest value indexed (1e-4) every item would be at the threshold
        float t = n == 0 ? Float.POSITIVE_INFINITY : all[Math.max(0, n - 1 - n * BAND_SHARE_PERCENT / 100)];
        FixedBitSet[] bits = new FixedBitSet[leaves.size()];
        int inBand = 0;
        for (LeafReaderContext leaf : leaves) {
            float[] values = byLeaf[leaf.ord];
            FixedBitSet set = new FixedBitSet(values.length);
            for (int doc = 0; doc < values.length; doc++) {
                if (values[doc] >= t) {
                    set.set(doc);
                    inBand++;
                }
            }
            bits[leaf.ord] = set;
        }
        boolean useful = n > 0 && t > 1e-3f && !Float.isInfinite(t) && inBand <= n / 2;
        if (!useful) {
            return new Band(Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, null, null, Map.of());
        }
        return new Band(belowInIndex(t), all[n - 1], byLeaf, new DocSetQuery("popular band", bits),
                frequentTerms(reader, minPostings));
    }

    /**
     * The popularity of each item of a leaf as the index stores it, and so as Lucene scores it: FeatureField keeps a
     * value's top 16 bits in the term frequency of the popularity feature (0 for an item without it).
     */
    private static float[] storedFeatures(LeafReaderContext leaf) throws IOException {
        float[] values = new float[leaf.reader().maxDoc()];
        PostingsEnum postings = leaf.reader().postings(new Term(IndexFields.FEATURES, IndexFields.POPULARITY),
                PostingsEnum.FREQS);
        if (postings != null) {
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                values[doc] = Float.intBitsToFloat(postings.freq() << 15);
            }
        }
        return values;
    }

    /** The largest stored value below {@code t} (a stored value: its low 15 bits are zero). */
    static float belowInIndex(float t) {
        return Float.intBitsToFloat(Float.floatToIntBits(t) - (1 << 15));
    }

    /**
     * The same top k as {@code searcher.search(full, k)}.
     *
     * @param full   the base query plus a SHOULD clause of the popularity feature's saturation
     * @param base   the same query without that clause
     * @param weight the saturation's weight
     * @param pivot  the saturation's pivot
     */
    TopDocs search(Query full, Query base, float weight, float pivot, int k) throws IOException {
        return search(full, () -> base, Float.NEGATIVE_INFINITY, weight, pivot, k);
    }

    /**
     * As {@link #search(Query, Query, float, float, int)}, the base made only when the band is searched; with a
     * finite {@code floor}, the base matches only the items whose score without the popularity clause is above it
     * (with that score), and every other item of the full query scores {@code floor} without it: those are
     * candidates only when the bound is not above the floor, and then the full query is searched as it is.
     */
    TopDocs search(Query full, Supplier<Query> baseQuery, float floor, float weight, float pivot, int k)
            throws IOException {
        if (band == null || k <= 0 || mostFrequentTerm(full) < (long) k * 100 / BAND_SHARE_PERCENT) {
            return searcher.search(full, Math.max(1, k)); // the band would hold fewer than about k matches
        }
        Query base = baseQuery.get();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        NearTop top = new NearTop(k, (leaf, doc) -> bonus(weight, pivot, popularity[leaf][doc]),
                bonus(weight, pivot, highest), leaves);
        if (floor == Float.NEGATIVE_INFINITY) {
            // the band's best by the base plus each item's own bonus (the base searched alone, where Lucene's pruning
            // works)
            if (searcher.search(filtered(base, band), top) == null) {
                return searcher.search(full, k);
            }
        } else {
            // items at the floor are not in the base: the band's top k by the full query itself
            TopDocs popular = searcher.search(filtered(full, band), k);
            if (popular.scoreDocs.length < k) {
                return searcher.search(full, k);
            }
            for (ScoreDoc sd : popular.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                top.seed(leaf.ord, sd.doc - leaf.docBase, sd.score);
            }
        }
        // the rest: an item outside the band has at most the stored popularity below the threshold, so at most this
        // bonus; its base score must reach the band's k-th (less that bonus and a rounding margin far below a step of
        // the stored values), which rises as items outside the band come near the top
        top.ceiling(bonus(weight, pivot, below));
        if (!(top.competitiveScore() > floor)) {
            return searcher.search(full, k); // every item at the floor could still reach the k-th
        }
        NearTop.Result near = searcher.search(excluded(base, band), top);
        if (near == null) {
            return searcher.search(full, k);
        }
        // the k best by the full query and every item within rounding of their k-th: Lucene's own scores of them
        pruned.increment();
        return searcher.search(filtered(full, new DocSetQuery("near the top", near.items())), k);
    }

    /** The bonus of a stored popularity: FeatureField's saturation. */
    private static double bonus(float weight, float pivot, float popularity) {
        return weight * (double) popularity / (popularity + pivot);
    }

    /** Far above float rounding of Lucene's sums near this score, far below a step of the stored popularity. */
    static double slack(double score, double bonus) {
        return 1e-5 * (1 + Math.abs(score) + bonus);
    }

    /** The band's filter (null without a band): one per index reader. */
    Query bandQuery() {
        return band;
    }

    /** Searches answered by the three searches (the others searched the full query as it is). */
    long prunedSearches() {
        return pruned.sum();
    }

    /** The largest number of items holding one of the query's frequent terms (the popularity feature left out). */
    private long mostFrequentTerm(Query query) {
        long[] most = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                for (Term t : terms) {
                    Integer postings = frequentTerms.get(t);
                    if (postings != null) {
                        most[0] = Math.max(most[0], postings);
                    }
                }
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }
        });
        return most[0];
    }

    /**
     * The terms in at least {@code minPostings} items and their counts, read from the terms dictionary once (a
     * lookup per query term costs less than asking the index: none in the sample catalog, a few hundred at a million
     * items).
     */
    private static Map<Term, Integer> frequentTerms(IndexReader reader, int minPostings) throws IOException {
        Map<Term, Integer> out = new HashMap<>();
        for (FieldInfo field : FieldInfos.getMergedFieldInfos(reader)) {
            if (field.getIndexOptions() == IndexOptions.NONE || field.name.equals(IndexFields.FEATURES)) {
                continue;
            }
            Terms terms = MultiTerms.getTerms(reader, field.name);
            if (terms == null || terms.getDocCount() < minPostings) {
                continue;
            }
            TermsEnum it = terms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                if (it.docFreq() >= minPostings) {
                    out.put(new Term(field.name, BytesRef.deepCopyOf(term)), it.docFreq());
                }
            }
        }
        return out;
    }

    private static Query filtered(Query query, Query filter) {
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static Query excluded(Query query, Query left) {
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(left, Occur.MUST_NOT).build();
    }
}
