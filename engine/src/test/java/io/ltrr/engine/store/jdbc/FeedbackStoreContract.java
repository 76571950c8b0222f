package io.ltrr.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.store.ArmReward;
import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.Judgments;
import io.ltrr.engine.store.Q2eEntry;
import io.ltrr.engine.store.Q2ePrediction;
import io.ltrr.engine.store.QuerySet;
import io.ltrr.engine.store.RatingEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The feedback store's roles, the same on every database it runs on: each subclass opens a fresh, empty store of
 * its database. Times are whole microseconds, which both databases keep exactly.
 */
abstract class FeedbackStoreContract {
    static final Instant T = Instant.parse("2025-03-01T10:15:30.123456Z");
    private static final Clock CLOCK = Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC);

    /** The store under test, empty on the first call of a test; a second call opens it again. */
    abstract FeedbackStore open(Clock clock);

    FeedbackStore open() {
        return open(CLOCK);
    }

    @Test
    void impressionsRoundTripAndSearchIdsIncrease() {
        try (FeedbackStore store = open()) {
            String first = store.searchLog().newSearchId();
            String second = store.searchLog().newSearchId();
            assertThat(second.compareTo(first)).isPositive();
            Impression impression = Fixtures.impression(first, T, "Blue Train");
            store.searchLog().recordImpression(impression);
            assertThat(store.searchLog().impression(first)).contains(impression);
            assertThat(store.searchLog().impression(second)).isEmpty();
            assertThat(store.searchLog().count()).isEqualTo(1);
        }
    }

    @Test
    void aDuplicateSearchIsRefusedAndTheEnclosingTransactionGoesOn() {
        try (FeedbackStore store = open()) {
            String id = Fixtures.record(store, T, "blue train");
            String other = store.inTransaction(() -> {
                assertThatThrownBy(() -> store.searchLog().recordImpression(Fixtures.impression(id, T, "again")))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already recorded");
                return Fixtures.record(store, T.plusSeconds(1), "kind of blue");
            });
            assertThat(store.searchLog().count()).isEqualTo(2);
            assertThat(store.searchLog().impression(id).orElseThrow().query()).isEqualTo("blue train");
            assertThat(store.searchLog().impression(other)).isPresent();
        }
    }

    @Test
    void featuresOfAnItemNotShownAreRefusedAndTheEnclosingTransactionGoesOn() {
        try (FeedbackStore store = open()) {
            String id = Fixtures.record(store, T, "blue train");
            store.runInTransaction(() -> {
                assertThatThrownBy(() -> store.featureLog().recordFeatures(id, List.of("f1"),
                        Map.of("not-shown", new double[] {1.0}))).isInstanceOf(IllegalArgumentException.class);
                store.featureLog().recordFeatures(id, List.of("f1"), Map.of("item-a", new double[] {0.5}));
            });
            List<double[]> rows = new ArrayList<>();
            store.featureLog().forEachLoggedFeatures(id, f -> rows.add(f.values()));
            assertThat(rows).hasSize(1);
        }
    }

    @Test
    void clicksAndRatingsOfSeveralAnnotatorsAreKeptApart() {
        try (FeedbackStore store = open()) {
            String id = Fixtures.record(store, T, "blue train");
            FeedbackOutcome click = store.feedbackLog().recordClick(id, "item-a", T.plusSeconds(2));
            assertThat(click.hasReward()).isTrue();
            assertThat(store.feedbackLog().rewardsOf(click.eventId())).extracting(ArmReward::armId)
                    .containsExactlyInAnyOrder("bm25", "dense", "popular");
            store.feedbackLog().recordRating(id, "item-a", 3, "ann", T.plusSeconds(3));
            store.feedbackLog().recordRating(id, "item-a", 1, "bob", T.plusSeconds(4));
            store.feedbackLog().recordRating(id, "item-b", null, "bob", T.plusSeconds(5));
            List<RatingEvent> ratings = store.feedbackLog().ratingsOf(id);
            assertThat(ratings).extracting(RatingEvent::annotator, RatingEvent::itemId, RatingEvent::grade)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ann", "item-a", 3),
                            org.assertj.core.groups.Tuple.tuple("bob", "item-a", 1),
                            org.assertj.core.groups.Tuple.tuple("bob", "item-b", null));
            assertThat(store.feedbackLog().clicksOf(id)).singleElement()
                    .satisfies(c -> assertThat(c.at()).isEqualTo(T.plusSeconds(2)));
            assertThat(store.feedbackLog().clickCount()).isEqualTo(1);
            assertThat(store.feedbackLog().ratingCount()).isEqualTo(3);
            List<String> replayed = new ArrayList<>();
            store.feedbackLog().replay(o -> replayed.add(o.eventId()));
            assertThat(replayed).startsWith(click.eventId());
        }
    }

    @Test
    void judgmentsAreReplacedPerSourceAndImportedWithCounts() {
        try (FeedbackStore store = open()) {
            store.judgments().replace("ann", List.of(new Judgment("blue train", "item-a", 3, "ann"),
                    new Judgment("blue train", "item-b", 1, "ann")));
            Judgments.ImportCount count = store.judgments().importAll("bob",
                    List.of(new Judgment("blue train", "item-a", 2, "bob")), false);
            assertThat(count.added()).isEqualTo(1);
            assertThat(store.judgments().ofQuery("blue train")).extracting(Judgment::source, Judgment::grade)
                    .hasSize(3);
            store.judgments().replace("ann", List.of(new Judgment("kind of blue", "item-c", 2, "ann")));
            assertThat(store.judgments().all()).extracting(Judgment::query)
                    .containsExactlyInAnyOrder("blue train", "kind of blue");
        }
    }

    @Test
    void querySetsKeepTheirQueriesAndRefuseASecondOfTheSameName() {
        try (FeedbackStore store = open()) {
            store.querySets().create("jazz", "typed", List.of("blue train", "kind of blue"));
            assertThatThrownBy(() -> store.querySets().create("jazz", "typed", List.of("other")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already");
            QuerySet set = store.querySets().find("jazz").orElseThrow();
            assertThat(set.queries()).containsExactly("blue train", "kind of blue");
            assertThat(set.createdAt()).isEqualTo(CLOCK.instant());
            assertThat(store.querySets().delete("jazz")).isTrue();
            assertThat(store.querySets().list()).isEmpty();
        }
    }

    @Test
    void learnedStateKeepsTheLatestAndVersionsRankers() {
        try (FeedbackStore store = open()) {
            for (int round = 1; round <= 8; round++) {
                store.learnedState().savePolicyState("thompson", round, "{\"round\":" + round + "}");
            }
            assertThat(store.learnedState().latestPolicyState("thompson").orElseThrow().json())
                    .isEqualTo("{\"round\":8}");
            assertThat(store.learnedState().latestPolicyState("thompson").orElseThrow().createdAt())
                    .isEqualTo(CLOCK.instant());
            long v1 = store.learnedState().saveRankerState("lambdamart", "{\"v\":1}");
            long v2 = store.learnedState().saveRankerState("lambdamart", "{\"v\":2}");
            assertThat(v2).isEqualTo(v1 + 1);
            assertThat(store.learnedState().rankerState("lambdamart", v1).orElseThrow().json()).isEqualTo("{\"v\":1}");
            store.learnedState().resetLearning();
            assertThat(store.learnedState().latestPolicyState("thompson")).isEmpty();
        }
    }

    @Test
    void clickMemoryUpsertsAndAccumulates() {
        String q = "blue train";
        try (FeedbackStore store = open()) {
            store.clickMemory().q2eUpsertPredicted(List.of(new Q2ePrediction(q, "a", 0.6),
                    new Q2ePrediction(q, "b", 0.2)));
            store.clickMemory().q2eObserve(q, Map.of("b", 4L, "c", 2L), Map.of("b", 2L, "c", 2L));
            store.clickMemory().q2eObserve(q, Map.of("b", 6L), Map.of("b", 4L));
            store.clickMemory().q2eUpsertPredicted(List.of(new Q2ePrediction(q, "b", 0.5)));
            List<Q2eEntry> entries = store.clickMemory().q2eLookup(q, 10);
            // α = 5: a (0 + 5·0.6)/5 = 0.6, b (6 + 5·0.5)/(10 + 5) ≈ 0.567, c (2 + 0)/(2 + 5) ≈ 0.286
            assertThat(entries).extracting(Q2eEntry::itemId).containsExactly("a", "b", "c");
            Q2eEntry b = entries.get(1);
            assertThat(b.impressions()).isEqualTo(10);
            assertThat(b.clicks()).isEqualTo(6);
            assertThat(b.score()).isCloseTo(8.5 / 15, within(1e-12));
            assertThat(store.clickMemory().q2eHasQuery(q)).isTrue();
            assertThat(store.clickMemory().q2eHasQuery("other")).isFalse();
        }
    }

    @Test
    void profilesUpsertAndDropZeroWeights() {
        try (FeedbackStore store = open()) {
            store.profiles().update("alice", Map.of("jazz", 0.8, "rock", 0.2));
            assertThat(store.profiles().update("alice", Map.of("jazz", 0.4, "rock", 0.0)))
                    .containsExactly(Map.entry("jazz", 0.4));
        }
    }

    @Test
    void whatWasCommittedIsThereAfterReopening() {
        String id;
        try (FeedbackStore store = open()) {
            id = Fixtures.record(store, T, "blue train");
            store.feedbackLog().recordRating(id, "item-a", 2, "ann", T.plusSeconds(1));
        }
        try (FeedbackStore store = open()) {
            assertThat(store.searchLog().impression(id)).isPresent();
            assertThat(store.feedbackLog().ratingCount()).isEqualTo(1);
        }
    }
}
