package io.ltrr.engine.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explore arm over a topic too large to scan: drawn from the tags' alias tables (issue 24). */
class ExploreStrategyTest {
    private static final int ITEMS = 6_000;
    private static final int BINS = 10;

    @TempDir
    static Path dir;
    static CatalogIndex index;
    static final Map<String, Double> WEIGHTS = new HashMap<>();

    @BeforeAll
    static void build() {
        List<Item> items = new ArrayList<>();
        items.add(TestCatalogs.track("seed", "Orange Horizon", "Nobody", "Drift", List.of("Ambient", "Chillout"), 2000, 0.5));
        for (int i = 0; i < ITEMS; i++) {
            // every item Ambient (6,000 postings: sampled, not scanned), every third also Chillout (an overlap)
            List<String> styles = i % 3 == 0 ? List.of("Ambient", "Chillout") : List.of("Ambient");
            int year = 1990 + i % 31;
            double popularity = (i * 7919 % ITEMS) / (double) ITEMS;
            items.add(TestCatalogs.track("t" + i, "Track " + i, "Artist " + i % 50, "Album " + i % 300, styles, year,
                    popularity));
            WEIGHTS.put("t" + i, ExploreDraw.weight(popularity, year, 1990, 2020));
        }
        new CatalogIndexer(() -> null).build(items, IndexSettings.music().withEmbeddings(false), dir.resolve("idx"),
                ProgressListener.NONE, CancellationToken.none());
        index = CatalogIndex.open(dir.resolve("idx"), null);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<String> ids(CandidateList list) {
        return list.candidates().stream().map(Candidate::itemId).toList();
    }

    @Test
    void aLargeTopicIsDrawnReproduciblyFromItsAliasTablesLeavingOutTheBestMatch() {
        ExploreStrategy explore = new ExploreStrategy(index);
        assertThat(explore.tableBytes()).isZero();
        List<String> a = ids(explore.retrieve(new RetrievalRequest("orange horizon", 7), 20));
        List<String> b = ids(explore.retrieve(new RetrievalRequest("orange horizon", 7), 20));
        List<String> c = ids(explore.retrieve(new RetrievalRequest("orange horizon", 8), 20));
        assertThat(a).hasSize(20).doesNotHaveDuplicates().doesNotContain("seed").isEqualTo(b).isNotEqualTo(c);
        // every style and genre gets its table: 16 bytes for each (item, tag) pair, Ambient 6,001, Chillout 2,001
        // and the genre Electronic 6,001
        assertThat(explore.tableBytes()).isEqualTo(16L * ((ITEMS + 1) + (ITEMS / 3 + 1) + (ITEMS + 1)));
        CandidateList list = explore.retrieve(new RetrievalRequest("orange horizon", 7), 5);
        for (Candidate cand : list.candidates()) {
            assertThat((double) cand.score()).as(cand.itemId())
                    .isCloseTo(WEIGHTS.get(cand.itemId()), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void keptSeedsDrawWhatSeedsSearchedAnewDraw() {
        ExploreStrategy kept = new ExploreStrategy(index, 2);
        ExploreStrategy anew = new ExploreStrategy(index, 0);
        String[] queries = {"orange horizon", "track 12", "orange horizon", "nothing matches zzz", "track 12", "drift"};
        for (int i = 0; i < 3; i++) { // the third pass after evictions: four queries through a cache of two
            for (String q : queries) {
                for (long seed : new long[] {1, 2}) {
                    RetrievalRequest request = new RetrievalRequest(q, seed);
                    assertThat(kept.retrieve(request, 15)).as(q).isEqualTo(anew.retrieve(request, 15));
                }
            }
        }
        assertThat(ids(kept.retrieve(new RetrievalRequest("orange horizon", 1), 15))).hasSize(15).doesNotContain("seed");
    }

    /** Bins 0–4: items of both topic tags (Ambient and Chillout), by number; 5–9: Ambient only. */
    private static int bin(int item) {
        return (item % 3 == 0 ? 0 : BINS / 2) + item * (BINS / 2) / ITEMS;
    }

    @Test
    void theFirstItemDrawnFollowsTheItemsWeightsWhetherItHasOneTopicTagOrTwo() {
        ExploreStrategy explore = new ExploreStrategy(index);
        // a bin's chance is its share of the total weight (an item of two tags drawn twice as often would show)
        double[] expected = new double[BINS];
        double total = 0;
        for (int i = 0; i < ITEMS; i++) {
            double w = WEIGHTS.get("t" + i);
            expected[bin(i)] += w;
            total += w;
        }
        for (int b = 0; b < BINS; b++) {
            expected[b] /= total;
        }
        int n = 6_000;
        long[] counts = new long[BINS];
        for (long seed = 1; seed <= n; seed++) {
            String id = ids(explore.retrieve(new RetrievalRequest("orange horizon", seed), 1)).getFirst();
            counts[bin(Integer.parseInt(id.substring(1)))]++;
        }
        // 9 degrees of freedom: P(chi² > 27.9) = 0.001
        assertThat(AliasTableTest.chiSquare(counts, expected, n)).isLessThan(27.9);
    }
}
