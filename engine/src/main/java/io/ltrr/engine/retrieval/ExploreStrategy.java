package io.ltrr.engine.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * Arm {@code explore}: items on the query's topic that the other arms rarely surface. The topic is the styles
 * (or, failing those, genres) of the query's best lexical matches (and of the query's interpreted styles, when given); from
 * every item carrying them, minus those best matches, {@code k} are drawn without replacement with weight
 * {@code (1 − popularity) · (0.5 + 0.5 · recency)}, seeded by the request's seed.
 *
 * <p>How: a topic of at most {@value #SCAN_LIMIT} tag postings is scanned (Efraimidis–Spirakis keys u^(1/w), the k
 * largest kept); a larger one is sampled by {@link TopicSampler} from per-tag alias tables ({@link ExploreTables},
 * every tag's built on the first large draw and kept for the life of this arm, i.e. of the open index: 16 bytes per
 * item and tag), in time independent of the topic's size (issue 24: the scan of a whole topic was the p99 at 1M items).
 * Both are the same distribution of ordered draws; the two make different draws from the same seed.
 */
public final class ExploreStrategy implements RetrievalStrategy {
    /** Reads the index only (and, for dense, the in-process embedding model). */
    @Override
    public boolean retrievesOnAnyThread() {
        return true;
    }

    public static final String ID = "explore";

    private final CatalogIndex index;
    private static final Map<String, Float> SEED_FIELDS = Map.of(IndexFields.ALL, 1f);
    private final IndexSearcher seeds;
    private final int minYear;
    private final int maxYear;
    private final ExploreTables tables;
    private final Cache<String, Seeds> seedCache;

    /** Topics with at most this many postings (Σ of their tags' document frequencies) are scanned, larger sampled. */
    public static final int SCAN_LIMIT = 4096;

    public ExploreStrategy(CatalogIndex index) {
        this(index, ArmSettings.DEFAULT_CACHE_ENTRIES);
    }

    /**
     * @param cacheEntries queries whose seeds (best lexical matches and their tags: a function of the query text
     *                     alone) are kept, 0 for none; the draw itself is made anew for every request
     */
    public ExploreStrategy(CatalogIndex index, int cacheEntries) {
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("cacheEntries must be >= 0, was " + cacheEntries);
        }
        this.seedCache = cacheEntries == 0 ? null
                : Caffeine.newBuilder().maximumSize(cacheEntries).executor(Runnable::run).build();
        this.index = index;
        this.seeds = new IndexSearcher(index.searcher().getIndexReader());
        int[] range = yearRange(index.searcher());
        this.minYear = range[0];
        this.maxYear = range[1];
        this.tables = new ExploreTables(index.searcher().getIndexReader(), this::weight);
    }

    /** Bytes the alias tables built so far hold. */
    public long tableBytes() {
        return tables.bytes();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "exploration: long-tail and recent items on the query's styles/genres, seeded draw";
    }

    @Override
    public CandidateList retrieve(RetrievalRequest request, int k) {
        if (k <= 0) {
            return CandidateList.empty(ID, "k=0");
        }
        Seeds seeds = seedCache == null ? seeds(request.query()) : seedCache.get(request.query(), this::seeds);
        Map<String, Integer> topic = ExploreDraw.topic(seeds.styles(), seeds.genres(), request);
        if (topic.isEmpty()) {
            return CandidateList.empty(ID, "no topic found for the query");
        }
        Set<Integer> exclude = new HashSet<>();
        for (int doc : seeds.docs()) {
            exclude.add(doc);
        }
        List<ScoreDoc> drawn = draw(topic.keySet(), exclude, k, new SplittableRandom(ExploreDraw.seed(request)));
        int[] docs = new int[drawn.size()];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = drawn.get(i).doc;
        }
        String[] ids = index.itemIds(docs);
        List<Candidate> out = new ArrayList<>(drawn.size());
        for (int i = 0; i < docs.length; i++) {
            out.add(new Candidate(ids[i], i + 1, drawn.get(i).score));
        }
        return new CandidateList(ID, out, "topic " + topic.keySet() + ", drawn by novelty");
    }

    /** A query's seeds: its best lexical matches and their style and genre counts (read-only). */
    private record Seeds(int[] docs, Map<String, Integer> styles, Map<String, Integer> genres) {
    }

    private Seeds seeds(String query) {
        ScoreDoc[] top = seedDocs(query);
        int[] docs = new int[top.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = top[i].doc;
        }
        return new Seeds(docs, Collections.unmodifiableMap(tagCounts(top, IndexFields.STYLE_KEY)),
                Collections.unmodifiableMap(tagCounts(top, IndexFields.GENRE_KEY)));
    }

    /** The query's best lexical matches: they define its topic and are not exploration themselves. */
    private ScoreDoc[] seedDocs(String query) {
        Query q = BagOfWords.build(index.analyzer(), SEED_FIELDS, query);
        if (q == null) {
            return new ScoreDoc[0];
        }
        try {
            return seeds.search(q, ExploreDraw.SEED_HITS).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ScoreExplanation explain(RetrievalRequest request, String itemId) {
        return index.itemById(itemId).map(item -> ExploreDraw.explain(item.popularity(), item.year(), minYear, maxYear))
                .orElse(ScoreExplanation.leaf(0, "explore: unknown item " + itemId));
    }

    private Map<String, Integer> tagCounts(ScoreDoc[] docs, String field) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<LeafReaderContext> leaves = index.searcher().getIndexReader().leaves();
        try {
            for (ScoreDoc sd : docs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), field);
                if (values.advanceExact(sd.doc - leaf.docBase)) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        String key = values.lookupOrd(values.nextOrd()).utf8ToString();
                        counts.merge(field + ":" + key, 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private static Query topicQuery(Set<String> tags) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String tag : tags) {
            int colon = tag.indexOf(':');
            b.add(new TermQuery(new Term(tag.substring(0, colon), tag.substring(colon + 1))), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** The draw over a topic: scanned when small, sampled from the tags' alias tables when large. */
    private List<ScoreDoc> draw(Set<String> tags, Set<Integer> exclude, int k, SplittableRandom random) {
        if (tables.postings(tags) > SCAN_LIMIT) {
            List<TopicSampler.Drawn> drawn = TopicSampler.draw(tables.of(tags), exclude, k, random,
                    64 * (k + exclude.size()) + 1024);
            if (drawn != null) {
                List<ScoreDoc> out = new ArrayList<>(drawn.size());
                drawn.forEach(d -> out.add(new ScoreDoc(d.doc(), d.weight())));
                return out;
            }
        }
        return scan(topicQuery(tags), exclude, k, random);
    }

    /** Weighted sampling without replacement over every matching doc: keep the k largest u^(1/w). */
    private List<ScoreDoc> scan(Query query, Set<Integer> exclude, int k, SplittableRandom random) {
        IndexSearcher searcher = index.searcher();
        PriorityQueue<double[]> heap = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        int capacity = k + exclude.size();
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                ScorerSupplier supplier = weight.scorerSupplier(leaf);
                if (supplier == null) {
                    continue;
                }
                Scorer scorer = supplier.get(Long.MAX_VALUE);
                NumericDocValues pop = DocValues.getNumeric(leaf.reader(), IndexFields.POPULARITY);
                NumericDocValues year = DocValues.getNumeric(leaf.reader(), IndexFields.YEAR);
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    double p = pop.advanceExact(doc) ? Double.longBitsToDouble(pop.longValue()) : 0;
                    int y = year.advanceExact(doc) ? (int) year.longValue() : 0;
                    double w = weight(p, y);
                    double key = Math.log(random.nextDouble(Double.MIN_VALUE, 1.0)) / w;
                    // most docs lose against the heap's minimum: test before allocating their entry
                    if (heap.size() < capacity || key > heap.peek()[0]) {
                        offer(heap, new double[] {key, leaf.docBase + doc, w}, capacity);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<double[]> all = new ArrayList<>(heap);
        all.sort((a, b) -> Double.compare(b[0], a[0]));
        List<ScoreDoc> out = new ArrayList<>();
        for (double[] e : all) {
            if (out.size() < k && !exclude.contains((int) e[1])) {
                out.add(new ScoreDoc((int) e[1], (float) e[2]));
            }
        }
        return out;
    }

    private static void offer(PriorityQueue<double[]> heap, double[] entry, int capacity) {
        if (heap.size() < capacity) {
            heap.add(entry);
        } else if (entry[0] > heap.peek()[0]) {
            heap.poll();
            heap.add(entry);
        }
    }

    private double weight(double popularity, int year) {
        return ExploreDraw.weight(popularity, year, minYear, maxYear);
    }

    private static int[] yearRange(IndexSearcher searcher) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues year = DocValues.getNumeric(leaf.reader(), IndexFields.YEAR);
                for (int doc = year.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = year.nextDoc()) {
                    int y = (int) year.longValue();
                    if (y > 0) {
                        min = Math.min(min, y);
                        max = Math.max(max, y);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return min == Integer.MAX_VALUE ? new int[] {0, 0} : new int[] {min, max};
    }
}
