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
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
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
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The top k of a query that adds a saturated popularity bonus ({@code weight · p / (p + pivot)}, Lucene's
 * FeatureField saturation) to a base query, found without scoring every match of the base. Lucene's block-max
 * pruning cannot skip here: items are indexed in catalog order, so every block holds a popular item and the
 * bonus's block maximum is high everywhere, and a word as common as "the" makes a million-item search score a
 * third of the catalog.
 *
 * <p>The same top k, in three searches: (1) the full query over the popular band only (the items whose
 * stored popularity is among the top {@value #BAND_SHARE_PERCENT} %), whose k-th score θ is a lower bound of the k-th
 * score over all items; (2) the base query alone, with Lucene's pruning, for every item whose base score is at
 * least θ minus the largest bonus an item outside the band can have (any other item outside the band scores below
 * θ); (3) the full query over the band's top k and those items: Lucene's own scores, so the result is the full
 * query's (tested against it). When no term of the query is frequent enough for the band to hold about k of its
 * matches, when the band holds fewer than k, or when the candidates are many, the full query is searched as it is.
 */
final class PopularityFirst {
    static final int BAND_SHARE_PERCENT = 4;
    /**
     * Below this many items holding the query's most frequent term, the full query is searched as it is: scoring
     * every match costs less than the three searches (in the 30,000-item sample catalog no word is this frequent;
     * at a million items "the" is in a third of them).
     */
    static final int MIN_POSTINGS = 20_000;
    /** More candidates than this: the pruned search would save little, search the full query. */
    private static final int MAX_CANDIDATES = 50_000;

    private final IndexSearcher searcher;
    private final Map<Term, Integer> frequentTerms;
    private final LongAdder pruned = new LongAdder();
    /** The largest stored popularity an item outside the band can have. */
    private final float below;
    private final DocSetQuery band;

    /**
     * The most popular items of one index reader and its frequent terms, found once per reader: {@code bm25-pop} and
     * {@code structured} search the same reader (a million items: about 0.1–0.3 s to find them).
     *
     * @param below         the largest stored popularity outside the band
     * @param query         the band as a filter, null when no band helps (the search is then made as it is)
     * @param frequentTerms the terms in at least the minimum number of items, and their counts
     */
    private record Band(float below, DocSetQuery query, Map<Term, Integer> frequentTerms) {
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
        this.band = found.query();
        this.frequentTerms = found.frequentTerms();
    }

    /** @param minPostings the postings of a query's most frequent term below which it is searched as it is */
    PopularityFirst(IndexSearcher searcher, int minPostings) throws IOException {
        this.searcher = searcher;
        Band found = band(searcher.getIndexReader(), minPostings);
        this.below = found.below();
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
            return new Band(Float.POSITIVE_INFINITY, null, Map.of());
        }
        return new Band(belowInIndex(t), new DocSetQuery("popular band", bits), frequentTerms(reader, minPostings));
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
        return search(full, base, Float.NEGATIVE_INFINITY, weight, pivot, k);
    }

    /**
     * As {@link #search(Query, Query, float, float, int)}, where {@code base} matches only the items whose score
     * without the popularity clause is above {@code floor} (with that score), and every other item of the full query
     * scores {@code floor} without it: those are candidates only when the bound is not above the floor, and then the
     * full query is searched as it is.
     */
    TopDocs search(Query full, Query base, float floor, float weight, float pivot, int k) throws IOException {
        if (band == null || k <= 0 || mostFrequentTerm(full) < (long) k * 100 / BAND_SHARE_PERCENT) {
            return searcher.search(full, Math.max(1, k)); // the band would hold fewer than about k matches
        }
        TopDocs popular = searcher.search(filtered(full, band), k);
        if (popular.scoreDocs.length < k) {
            return searcher.search(full, k);
        }
        float theta = popular.scoreDocs[k - 1].score;
        // an item outside the band has at most the stored popularity below the threshold, so at most this bonus; the
        // slack covers float rounding of Lucene's bonus and sums, and is far below a step of the stored values
        double bonus = weight * (double) below / (below + pivot);
        float bound = (float) (theta - bonus - 1e-5 * (1 + Math.abs(theta) + bonus));
        if (!(bound > floor)) {
            return searcher.search(full, k); // every item at the floor could still reach θ
        }
        FixedBitSet[] candidates = searcher.search(base, new AtLeast(bound, searcher.getIndexReader().leaves().size()));
        if (candidates == null) {
            return searcher.search(full, k);
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc sd : popular.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            AtLeast.leafSet(candidates, leaf).set(sd.doc - leaf.docBase);
        }
        pruned.increment();
        return searcher.search(filtered(full, new DocSetQuery("candidates", candidates)), k);
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

    /** Every item whose score reaches the bound, per leaf; null past {@link #MAX_CANDIDATES}. */
    private static final class AtLeast implements CollectorManager<Collector, FixedBitSet[]> {
        private final float bound;
        private final FixedBitSet[] byLeaf;
        private int count;

        AtLeast(float bound, int leaves) {
            this.bound = bound;
            this.byLeaf = new FixedBitSet[leaves];
        }

        static FixedBitSet leafSet(FixedBitSet[] byLeaf, LeafReaderContext leaf) {
            if (byLeaf[leaf.ord] == null) {
                byLeaf[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
            }
            return byLeaf[leaf.ord];
        }

        @Override
        public Collector newCollector() {
            return new Collector() {
                @Override
                public LeafCollector getLeafCollector(LeafReaderContext context) {
                    FixedBitSet set = leafSet(byLeaf, context);
                    return new LeafCollector() {
                        private Scorable scorer;

                        @Override
                        public void setScorer(Scorable s) throws IOException {
                            scorer = s;
                            if (bound > 0) {
                                s.setMinCompetitiveScore(bound);
                            }
                        }

                        @Override
                        public void collect(int doc) throws IOException {
                            if (scorer.score() >= bound && !set.getAndSet(doc) && ++count > MAX_CANDIDATES) {
                                throw new CollectionTerminatedException(); // too many: the full query after all
                            }
                        }
                    };
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.TOP_SCORES;
                }
            };
        }

        @Override
        public FixedBitSet[] reduce(java.util.Collection<Collector> collectors) {
            return count > MAX_CANDIDATES ? null : byLeaf;
        }
    }

    /** The items of a set (per leaf, by leaf ord), score 0: a filter. */
    static final class DocSetQuery extends Query {
        private final String name;
        private final FixedBitSet[] byLeaf;

        DocSetQuery(String name, FixedBitSet[] byLeaf) {
            this.name = name;
            this.byLeaf = byLeaf;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            return new ConstantScoreWeight(this, boost) {
                @Override
                public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                    FixedBitSet set = context.ord < byLeaf.length ? byLeaf[context.ord] : null;
                    if (set == null) {
                        return null;
                    }
                    int cardinality = set.cardinality();
                    if (cardinality == 0) {
                        return null;
                    }
                    return new Weight.DefaultScorerSupplier(
                            new ConstantScoreScorer(score(), scoreMode, new BitSetIterator(set, cardinality)));
                }

                @Override
                public boolean isCacheable(LeafReaderContext ctx) {
                    return false;
                }
            };
        }

        @Override
        public String toString(String field) {
            return name;
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public boolean equals(Object other) {
            return other == this;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, System.identityHashCode(this));
        }
    }
}
