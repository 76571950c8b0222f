package io.ltrr.engine.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexFields;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.index.Keywords;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Popular items first ({@link PopularityFirst}) finds the full query's own top k, item for item and score for score,
 * over a catalog where common words match most items and popularity has ties and zeros.
 */
class PopularityFirstTest {
    private static final int ITEMS = 5_000;
    private static final String[] COMMON = {"the", "love", "remix", "of", "night"};
    private static final String[] RARE = {"orange", "harbour", "velvet", "comet", "ember", "quartz", "meadow", "signal"};

    @TempDir
    static Path dir;
    static CatalogIndex index;

    @BeforeAll
    static void build() {
        SplittableRandom random = new SplittableRandom(24);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            StringBuilder title = new StringBuilder();
            int words = 1 + random.nextInt(4);
            for (int w = 0; w < words; w++) {
                String[] from = random.nextInt(3) == 0 ? RARE : COMMON;
                title.append(w == 0 ? "" : " ").append(from[random.nextInt(from.length)]);
            }
            // ties (two decimals), zeros, and a popular few spread wide: the bonus of the most popular is more than
            // twice the least popular's in the band (an item's own bonus matters there, not only the band's least)
            double popularity = switch (random.nextInt(33)) {
                case 0 -> 0.05 + random.nextInt(95) / 100.0;
                case 1, 2, 3, 4, 5, 6 -> 0.0;
                default -> random.nextInt(5) / 100.0;
            };
            items.add(TestCatalogs.track("t" + i, title.toString(), "Artist " + RARE[i % RARE.length],
                    "Album " + i % 40, List.of(i % 2 == 0 ? "Ambient" : "House"), 1990 + i % 30, popularity));
        }
        new CatalogIndexer(() -> null).build(items, IndexSettings.music().withEmbeddings(false), dir.resolve("idx"),
                ProgressListener.NONE, CancellationToken.none());
        index = CatalogIndex.open(dir.resolve("idx"), null);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static void assertSameTopDocs(TopDocs expected, TopDocs actual, String what) {
        assertThat(actual.scoreDocs.length).as(what).isEqualTo(expected.scoreDocs.length);
        for (int i = 0; i < expected.scoreDocs.length; i++) {
            assertThat(actual.scoreDocs[i].doc).as(what + " doc at " + i).isEqualTo(expected.scoreDocs[i].doc);
            assertThat(actual.scoreDocs[i].score).as(what + " score at " + i).isEqualTo(expected.scoreDocs[i].score);
        }
    }

    private static String randomQuery(SplittableRandom random) {
        StringBuilder q = new StringBuilder();
        int words = 1 + random.nextInt(3);
        for (int w = 0; w < words; w++) {
            String[] from = random.nextInt(4) == 0 ? RARE : COMMON;
            q.append(w == 0 ? "" : " ").append(from[random.nextInt(from.length)]);
        }
        return q.toString();
    }

    @Test
    void bm25PopFindsItsQuerysOwnTopKWithPopularItemsFirst() throws IOException {
        ArmSettings settings = ArmSettings.music();
        PopularityBm25Strategy arm = new PopularityBm25Strategy(index, settings.bm25(), settings.popularity(), 0);
        IndexSearcher plain = new IndexSearcher(index.searcher().getIndexReader());
        plain.setSimilarity(new BM25Similarity((float) settings.bm25().k1(), (float) settings.bm25().b()));
        PopularityFirst first = new PopularityFirst(plain, 0); // at any size (the arms: from 20,000 postings)
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 300; n++) {
            RetrievalRequest request = new RetrievalRequest(randomQuery(random), n);
            Query full = arm.query(request, 100);
            Query lexical = ((BooleanQuery) full).clauses().getFirst().query();
            for (int k : new int[] {1, 10, 100}) {
                assertSameTopDocs(plain.search(full, k), first.search(full, lexical, settings.popularity().weight(),
                        settings.popularity().pivot(), k), request.query() + " k=" + k);
            }
            List<String> viaArm = arm.retrieve(request, 100).candidates().stream().map(Candidate::itemId).toList();
            TopDocs top = plain.search(full, 100);
            int[] docs = new int[top.scoreDocs.length];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[i].doc;
            }
            assertThat(viaArm).as(request.query()).containsExactly(index.itemIds(docs));
        }
        // the band was used (a check that could not fail otherwise): common words fill it
        assertThat(first.prunedSearches()).isBetween(300L, 899L);
    }

    @Test
    void nearTheTopIsEveryItemWithinRoundingOfTheKthBestScorePlusBonus() throws IOException {
        IndexSearcher searcher = new IndexSearcher(index.searcher().getIndexReader());
        Map<String, Float> fields = Map.of(IndexFields.TITLE, 2f, IndexFields.ALL, 1f);
        SplittableRandom random = new SplittableRandom(5);
        int withTies = 0;
        int split = 0;
        for (int n = 0; n < 200; n++) {
            Query q = BagOfWords.build(index.analyzer(), fields, randomQuery(random));
            int k = 1 + random.nextInt(50);
            int modulus = 1 + random.nextInt(7); // 1: no bonus; else a bonus of 0 to 0.3 with many ties
            NearTop.Bonus bonus = (leaf, doc) -> (doc * 31 % modulus) * 0.05;
            ScoreDoc[] all = searcher.search(q, ITEMS).scoreDocs; // one leaf: doc ids are the leaf's
            NearTop nearTop = new NearTop(k, bonus, 0.3, searcher.getIndexReader().leaves());
            NearTop.Result near;
            if (n % 2 == 0) {
                near = searcher.search(q, nearTop);
            } else {
                // the same over three disjoint sets: a third seeded with its sums, a third searched, and the last
                // third (none of whose items has a bonus above 0.1) searched with that ceiling
                FixedBitSet[] second = {new FixedBitSet(ITEMS)};
                FixedBitSet[] last = {new FixedBitSet(ITEMS)};
                for (ScoreDoc sd : all) {
                    double b = bonus.of(0, sd.doc);
                    if (sd.doc % 3 == 0) {
                        nearTop.seed(0, sd.doc, sd.score + b);
                    }
                }
                for (int doc = 0; doc < ITEMS; doc++) {
                    if (doc % 3 != 0) {
                        (bonus.of(0, doc) <= 0.1 ? last : second)[0].set(doc);
                    }
                }
                searcher.search(filtered(q, new DocSetQuery("second", second)), nearTop);
                nearTop.ceiling(0.1);
                near = searcher.search(filtered(q, new DocSetQuery("last", last)), nearTop);
                split++;
            }
            if (all.length < k) {
                assertThat(near).as(q + " k=" + k).isNull();
                continue;
            }
            double[] sums = new double[all.length];
            for (int i = 0; i < all.length; i++) {
                sums[i] = all[i].score + bonus.of(0, all[i].doc);
            }
            double[] sorted = sums.clone();
            java.util.Arrays.sort(sorted);
            double kth = sorted[sorted.length - k];
            assertThat(near.kth()).as(q + " k=" + k).isEqualTo(kth);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if (sums[i] >= kth - 2 * nearTop.slack(kth)) {
                    expected.add(all[i].doc);
                }
            }
            withTies += expected.size() > k ? 1 : 0;
            List<Integer> actual = new ArrayList<>();
            FixedBitSet set = near.items()[0];
            for (int doc = 0; set != null && doc < set.length(); doc++) {
                if (set.get(doc)) {
                    actual.add(doc);
                }
            }
            assertThat(actual).as(q + " k=" + k).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(withTies).as("queries whose k-th ties with more items").isGreaterThan(20);
        assertThat(split).isEqualTo(100);
    }

    private static Query filtered(Query q, Query filter) {
        return new BooleanQuery.Builder().add(q, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    @Test
    void theArmsOfOneIndexShareItsBand() throws IOException {
        IndexSearcher one = new IndexSearcher(index.searcher().getIndexReader());
        IndexSearcher other = new IndexSearcher(index.searcher().getIndexReader());
        other.setSimilarity(new BM25Similarity(0.9f, 0.4f));
        assertThat(new PopularityFirst(one).bandQuery()).isNotNull()
                .isSameAs(new PopularityFirst(other).bandQuery());
    }

    @Test
    void structuredFindsEachInterpretationsOwnTopKFilteredOrNot() throws IOException {
        StructuredStrategy arm = new StructuredStrategy(index, null, 0, 0); // at any size (the arm: 20,000 postings)
        IndexSearcher plain = new IndexSearcher(index.searcher().getIndexReader());
        SplittableRandom random = new SplittableRandom(11);
        Map<String, Float> fields = Map.of(IndexFields.TITLE, 2f, IndexFields.ALL, 1f);
        int aboveTheFloor = 0;
        for (int n = 0; n < 300; n++) {
            List<Query> filters = new ArrayList<>();
            List<Query> scored = new ArrayList<>();
            if (random.nextInt(3) > 0) { // a style (half the catalog) or an item type (all of it), as structured's slots
                filters.add(random.nextBoolean()
                        ? new TermQuery(new Term(IndexFields.STYLE_KEY, Keywords.key(random.nextBoolean() ? "Ambient" : "House")))
                        : new TermQuery(new Term(IndexFields.TYPE, "track")));
            }
            scored.add(BagOfWords.build(index.analyzer(), fields, randomQuery(random)));
            if (random.nextInt(4) == 0) { // a recognised title (its words all in the item's title)
                scored.add(new BooleanQuery.Builder().add(new TermQuery(new Term(IndexFields.TITLE,
                        COMMON[random.nextInt(COMMON.length)])), Occur.MUST).build());
            }
            StructuredStrategy.Parts parts = new StructuredStrategy.Parts(filters, scored);
            aboveTheFloor += parts.aboveFloor() == null ? 0 : 1;
            Query q = parts.query(true);
            assertThat(plain.search(q, 100).scoreDocs).as(q.toString()).hasSizeGreaterThan(10);
            for (int k : new int[] {10, 100}) {
                assertSameTopDocs(plain.search(q, k), arm.search(parts, k), q + " k=" + k);
            }
        }
        // both shapes, and most searches through the band (the few over rare words only were searched as they are)
        assertThat(aboveTheFloor).isBetween(150, 250);
        assertThat(arm.prunedSearches()).isBetween(300L, 599L);
    }
}
