package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.Q2eEntry;
import io.ltrr.engine.store.Q2ePrediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Q2eMemoryTest {
    static final String Q = "miles davis so what";

    @TempDir
    Path data;

    /**
     * a: pred 0.6, no evidence; b: pred 0.2, 10 impressions, 6 clicks; c: first seen through feedback,
     * 2 impressions, 2 clicks; d: pred 0.9, 20 impressions, no click.
     */
    private static void fill(FeedbackStore store) {
        store.clickMemory().q2eUpsertPredicted(List.of(new Q2ePrediction(Q, "a", 0.6), new Q2ePrediction(Q, "b", 0.2),
                new Q2ePrediction(Q, "d", 0.9), new Q2ePrediction("other query", "a", 1.0)));
        store.clickMemory().q2eObserve(Q, Map.of("b", 4L, "c", 2L, "d", 20L), Map.of("b", 2L, "c", 2L));
        store.clickMemory().q2eObserve(Q, Map.of("b", 6L), Map.of("b", 4L));
    }

    private static double[] scores(List<Q2eEntry> entries) {
        return entries.stream().mapToDouble(Q2eEntry::score).toArray();
    }

    @Test
    void lookupOrdersBySmoothedScoreWithTheDefaultAlphaOfFive() {
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            fill(store);

            List<Q2eEntry> entries = store.clickMemory().q2eLookup(Q, 10);

            assertThat(entries).extracting(Q2eEntry::itemId).containsExactly("a", "b", "c", "d");
            assertThat(scores(entries)).containsExactly(new double[] {3.0 / 5, 7.0 / 15, 2.0 / 7, 4.5 / 25},
                    within(1e-12));
            assertThat(entries.get(1)).isEqualTo(new Q2eEntry(Q, "b", 0.2, 10, 6, entries.get(1).score()));
            assertThat(entries.get(2).predicted()).isZero();
        }
    }

    @Test
    void alphaIsConfigurable() {
        try (FeedbackStore store = H2FeedbackStore.open(data, new FeedbackStoreConfig(1, 5))) {
            fill(store);

            List<Q2eEntry> entries = store.clickMemory().q2eLookup(Q, 10);

            // α = 1: c 2/3, a 0.6/1, b 6.2/11, d 0.9/21
            assertThat(entries).extracting(Q2eEntry::itemId).containsExactly("c", "a", "b", "d");
            assertThat(scores(entries)).containsExactly(new double[] {2.0 / 3, 0.6, 6.2 / 11, 0.9 / 21},
                    within(1e-12));
        }
    }

    @Test
    void newPredictionsReplaceThePriorButKeepTheEvidence() {
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            fill(store);

            store.clickMemory().q2eUpsertPredicted(List.of(new Q2ePrediction(Q, "b", 0.5)));

            Q2eEntry b = store.clickMemory().q2eLookup(Q, 10).stream().filter(e -> e.itemId().equals("b")).findFirst().orElseThrow();
            assertThat(b.impressions()).isEqualTo(10);
            assertThat(b.clicks()).isEqualTo(6);
            assertThat(b.score()).isCloseTo(8.5 / 15, within(1e-12));
        }
    }

    @Test
    void limitAndKnownQueries() {
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            fill(store);

            assertThat(store.clickMemory().q2eLookup(Q, 2)).extracting(Q2eEntry::itemId).containsExactly("a", "b");
            assertThat(store.clickMemory().q2eHasQuery(Q)).isTrue();
            assertThat(store.clickMemory().q2eHasQuery("miles davis")).isFalse();
            assertThat(store.clickMemory().q2eLookup("miles davis", 5)).isEmpty();
        }
    }

    @Test
    void negativeDeltasAndOutOfRangePredictionsAreRejected() {
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            assertThatThrownBy(() -> store.clickMemory().q2eObserve(Q, Map.of("a", -1L), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("impressions delta of item 'a' must be >= 0, was -1");
            assertThatThrownBy(() -> new Q2ePrediction(Q, "a", 1.5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predicted");
            assertThat(store.clickMemory().q2eHasQuery(Q)).isFalse();
        }
    }

    @Test
    void aHundredThousandPredictionsGoInInOneCall() {
        List<Q2ePrediction> predictions = new ArrayList<>();
        for (int q = 0; q < 1_000; q++) {
            for (int i = 0; i < 100; i++) {
                predictions.add(new Q2ePrediction("query " + q, "item-" + i, (i % 10) / 10.0));
            }
        }
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            long start = System.nanoTime();
            store.clickMemory().q2eUpsertPredicted(predictions);
            System.out.printf("q2e: %,d predictions upserted in %d ms%n", predictions.size(),
                    (System.nanoTime() - start) / 1_000_000);

            assertThat(store.clickMemory().q2eHasQuery("query 999")).isTrue();
            List<Q2eEntry> top = store.clickMemory().q2eLookup("query 500", 1000);
            assertThat(top).hasSize(100);
            // Predictions 0.9 (items 9, 19, …, 99) come first, ties ordered by item id.
            assertThat(top.getFirst()).isEqualTo(new Q2eEntry("query 500", "item-19", 0.9, 0, 0, 0.9));
        }
    }

    @Test
    void predictionsInAnyOrderAllArriveAndOfOneGivenTwiceTheLaterHolds() {
        List<Q2ePrediction> predictions = new ArrayList<>();
        for (int i = 0; i < 50; i++) { // queries and items interleaved, so the key's order is not the order given
            for (int q = 0; q < 40; q++) {
                predictions.add(new Q2ePrediction("query " + q, "item-" + i, (q * 50 + i) / 2000.0));
            }
        }
        predictions.add(new Q2ePrediction("query 7", "item-3", 0.99)); // given again: replaces (7*50+3)/2000
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            store.clickMemory().q2eUpsertPredicted(predictions);

            for (int q = 0; q < 40; q++) {
                List<Q2eEntry> entries = store.clickMemory().q2eLookup("query " + q, 100);
                assertThat(entries).hasSize(50);
                for (Q2eEntry e : entries) {
                    int i = Integer.parseInt(e.itemId().substring("item-".length()));
                    double expected = q == 7 && i == 3 ? 0.99 : (q * 50 + i) / 2000.0;
                    assertThat(e.predicted()).as("query %d item %d", q, i).isEqualTo(expected);
                }
            }
        }
    }
}
