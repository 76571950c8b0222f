package io.ltrr.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.api.QueryLimits;
import io.ltrr.engine.store.ArmReward;
import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.ImportedLog;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.Judgments;
import io.ltrr.engine.store.LoggedRating;
import io.ltrr.engine.store.Q2eEntry;
import io.ltrr.engine.store.Q2ePrediction;
import io.ltrr.engine.store.QueryCount;
import io.ltrr.engine.store.QuerySet;
import io.ltrr.engine.store.RatingEvent;
import io.ltrr.engine.store.Reformulation;
import io.ltrr.engine.store.ReformulationCount;
import io.ltrr.engine.store.UbiEvent;
import io.ltrr.engine.store.UbiLog;
import io.ltrr.engine.store.UbiQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The feedback store's roles, the same on every database it runs on: each subclass opens a fresh, empty store of
 * its database. Times are whole microseconds, which both databases keep exactly.
 */
abstract class FeedbackStoreContract {
    static final Instant T = Instant.parse("2025-03-01T10:15:30.123456Z");
    private static final Clock CLOCK = Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC);
    /** Seeds the random characters of the long queries, so every run stores the same texts. */
    private static final long SEED = 20;
    /** CJK Unified Ideographs Extension B: characters of 4 bytes in UTF-8 (and two UTF-16 units). */
    private static final int CJK_B_FIRST = 0x20000;
    private static final int CJK_B_LAST = 0x2A6DF;
    /** CJK Unified Ideographs: characters of 3 bytes in UTF-8, one UTF-16 unit. */
    private static final int CJK_FIRST = 0x4E00;
    private static final int CJK_LAST = 0x9FFF;
    /** A few words whose order differs between code points and a language's rules (en-US: a ä b B é Z). */
    private static final List<String> WORDS = List.of("é", "b", "Z", "a", "B", "ä");
    private static final List<String> WORDS_BY_CODE_POINT = List.of("B", "Z", "a", "b", "ä", "é");

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
    void searchesTaggedInTheirContextComeBackWithTheirClickedPositions() {
        try (FeedbackStore store = open()) {
            String plain = Fixtures.record(store, T, "blue train");
            Map<String, String> context = new LinkedHashMap<>(Fixtures.impression(plain, T, "x").context());
            context.put("interleave.teams", "AB-");
            String tagged = store.searchLog().newSearchId();
            Impression base = Fixtures.impression(tagged, T.plusSeconds(1), "kind of blue");
            store.searchLog().recordImpression(new Impression(tagged, base.timestamp(), base.sessionId(),
                    base.userId(), base.query(), base.normalizedQuery(), context, base.features(), base.selection(),
                    base.shown()));
            // A value that mentions the key is not the key.
            Map<String, String> mention = new LinkedHashMap<>(context);
            mention.remove("interleave.teams");
            mention.put("profile", "\"interleave.teams\":AB");
            String mentioned = store.searchLog().newSearchId();
            store.searchLog().recordImpression(new Impression(mentioned, base.timestamp(), base.sessionId(),
                    base.userId(), base.query(), base.normalizedQuery(), mention, base.features(), base.selection(),
                    base.shown()));
            String untouched = store.searchLog().newSearchId();
            store.searchLog().recordImpression(new Impression(untouched, base.timestamp(), base.sessionId(),
                    base.userId(), base.query(), base.normalizedQuery(), context, base.features(), base.selection(),
                    base.shown()));
            store.feedbackLog().recordClick(tagged, "item-b", T.plusSeconds(2));
            store.feedbackLog().recordClick(tagged, "item-c", T.plusSeconds(3));
            store.feedbackLog().recordClick(tagged, "item-b", T.plusSeconds(4));
            store.feedbackLog().recordClick(plain, "item-a", T.plusSeconds(5));

            assertThat(store.searchLog().searchesWithContext("interleave.teams"))
                    .extracting(t -> t.searchId(), t -> t.clickedPositions(), t -> t.context().get("interleave.teams"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(tagged, java.util.Set.of(2, 3), "AB-"),
                            org.assertj.core.groups.Tuple.tuple(untouched, java.util.Set.of(), "AB-"));
            assertThat(store.searchLog().searchesWithContext("no.such.key")).isEmpty();
            assertThatThrownBy(() -> store.searchLog().searchesWithContext("a_b"))
                    .isInstanceOf(IllegalArgumentException.class);
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

    /**
     * A query as long as the facade takes ({@link QueryLimits#MAX_QUERY_CHARS} characters) and as large as such a
     * query gets in UTF-8 (4 bytes a character): random CJK characters, which nothing compresses, so no database can
     * keep it in a b-tree entry (PostgreSQL's hold at most 2704 bytes). Queries of different {@code variant}s share
     * all but their last character.
     */
    static String longestQuery(int variant) {
        String prefix = randomText(QueryLimits.MAX_QUERY_CHARS - 1, CJK_B_FIRST, CJK_B_LAST);
        return prefix + Character.toString(CJK_B_FIRST + variant);
    }

    /** A judged query as long as an import takes ({@link Judgment#MAX_QUERY_CHARS} characters, 3 bytes each). */
    static String longestJudgedQuery() {
        return randomText(Judgment.MAX_QUERY_CHARS, CJK_FIRST, CJK_LAST);
    }

    private static String randomText(int codePoints, int first, int last) {
        SplittableRandom random = new SplittableRandom(SEED);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            text.appendCodePoint(random.nextInt(first, last + 1));
        }
        return text.toString();
    }

    @Test
    void theSearchLogKeepsTheLongestQueriesAndFindsTheirRatingsByExactText() {
        String q = longestQuery(0);
        String near = longestQuery(1);
        try (FeedbackStore store = open()) {
            String first = Fixtures.record(store, T, q);
            String again = Fixtures.record(store, T.plusSeconds(1), q);
            String other = Fixtures.record(store, T.plusSeconds(2), near);
            store.feedbackLog().recordRating(first, "item-a", 3, "ann", T.plusSeconds(3));
            store.feedbackLog().recordRating(again, "item-b", 1, "ann", T.plusSeconds(4));
            store.feedbackLog().recordRating(other, "item-c", 2, "ann", T.plusSeconds(5));

            assertThat(store.searchLog().impression(first).orElseThrow().query()).isEqualTo(q);
            assertThat(store.searchLog().impression(other).orElseThrow().normalizedQuery()).isEqualTo(near);
            assertThat(store.logReader().ratingsOf(q)).extracting(LoggedRating::searchId, LoggedRating::normalizedQuery)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(first, q),
                            org.assertj.core.groups.Tuple.tuple(again, q));
            assertThat(store.logReader().ratingsOf(near)).extracting(LoggedRating::searchId).containsExactly(other);
            assertThat(store.logReader().ratingsOf(q.substring(0, q.length() - 2))).isEmpty();
        }
    }

    @Test
    void judgmentsOfTheLongestQueriesAreUpdatedInPlaceNeverDuplicated() {
        String q = longestQuery(0);
        String near = longestQuery(1);
        String longest = longestJudgedQuery();
        try (FeedbackStore store = open()) {
            store.judgments().replace("ann", List.of(new Judgment(q, "item-a", 1, "ann"),
                    new Judgment(near, "item-a", 2, "ann"), new Judgment(longest, "item-a", 3, "ann")));
            List<Judgment> update = List.of(new Judgment(q, "item-a", 3, "ann"),
                    new Judgment(longest, "item-a", 3, "ann"));
            assertThat(store.judgments().importAll("ann", update, false))
                    .isEqualTo(new Judgments.ImportCount(0, 1, 1, 0));
            assertThat(store.judgments().importAll("ann", update, false))
                    .isEqualTo(new Judgments.ImportCount(0, 0, 2, 0));

            assertThat(store.judgments().ofQuery(q)).containsExactly(new Judgment(q, "item-a", 3, "ann"));
            assertThat(store.judgments().ofQuery(longest)).containsExactly(new Judgment(longest, "item-a", 3, "ann"));
            assertThat(store.judgments().all()).hasSize(3);
            assertThat(store.judgments().importAll("ann", List.of(new Judgment(q, "item-a", 3, "ann")), true))
                    .isEqualTo(new Judgments.ImportCount(0, 0, 1, 2));
            assertThat(store.judgments().all()).containsExactly(new Judgment(q, "item-a", 3, "ann"));
        }
    }

    @Test
    void clickMemoryKeepsOneEntryPerLongestQueryAndItem() {
        String q = longestQuery(0);
        String near = longestQuery(1);
        try (FeedbackStore store = open()) {
            store.clickMemory().q2eUpsertPredicted(List.of(new Q2ePrediction(q, "a", 0.6),
                    new Q2ePrediction(near, "a", 0.1)));
            store.clickMemory().q2eUpsertPredicted(List.of(new Q2ePrediction(q, "a", 0.5)));
            store.clickMemory().q2eObserve(q, Map.of("a", 4L), Map.of("a", 1L));
            store.clickMemory().q2eObserve(q, Map.of("a", 2L), Map.of("a", 1L));

            assertThat(store.clickMemory().q2eLookup(q, 10)).singleElement().satisfies(e -> {
                assertThat(e.normalizedQuery()).isEqualTo(q);
                assertThat(e.predicted()).isEqualTo(0.5);
                assertThat(e.impressions()).isEqualTo(6);
                assertThat(e.clicks()).isEqualTo(2);
            });
            assertThat(store.clickMemory().q2eLookup(near, 10)).singleElement()
                    .satisfies(e -> assertThat(e.impressions()).isZero());
            assertThat(store.clickMemory().q2eHasQuery(q)).isTrue();
            assertThat(store.clickMemory().q2eHasQuery(q.substring(0, q.length() - 2))).isFalse();
        }
    }

    @Test
    void querySetsKeepTheLongestQueriesOncePerSet() {
        String q = longestQuery(0);
        String near = longestQuery(1);
        String longest = longestJudgedQuery();
        try (FeedbackStore store = open()) {
            store.querySets().create("long", "typed", List.of(q, near, longest));
            store.querySets().create("long again", "typed", List.of(near, q));

            assertThat(store.querySets().find("long").orElseThrow().queries()).containsExactly(q, near, longest);
            assertThat(store.querySets().find("long again").orElseThrow().queries()).containsExactly(near, q);
        }
    }

    @Test
    void reformulationsBetweenTheLongestQueriesAreRecordedOnce() {
        String q = longestQuery(0);
        String near = longestQuery(1);
        try (FeedbackStore store = open()) {
            String from = Fixtures.record(store, T, q);
            String to = Fixtures.record(store, T.plusSeconds(5), near);
            Reformulation r = new Reformulation("ses-1", "alice", from, to, q, near, "typo", Duration.ofSeconds(5),
                    false, T.plusSeconds(5));
            assertThat(store.reformulations().record(r)).isTrue();
            assertThat(store.reformulations().record(r)).isFalse();

            assertThat(store.reformulations().counts()).containsExactly(new ReformulationCount(q, near, false, 1));
            assertThat(store.reformulations().markSucceeded(to))
                    .containsExactly(new ReformulationCount(q, near, true, 1));
        }
    }

    /**
     * Text is ordered by code point on every database, whatever the PostgreSQL database's default collation: the
     * same store gives the same lists (and the same samples, exports and ties) on H2 and on PostgreSQL.
     */
    @Test
    void textIsOrderedByCodePointOnEveryDatabase() {
        try (FeedbackStore store = open()) {
            store.judgments().replace("ann", WORDS.stream().map(w -> new Judgment(w, "item", 1, "ann")).toList());
            assertThat(store.judgments().all()).extracting(Judgment::query)
                    .containsExactlyElementsOf(WORDS_BY_CODE_POINT);
            store.judgments().replace("ann", WORDS.stream().map(w -> new Judgment("q", w, 1, "ann")).toList());
            assertThat(store.judgments().ofQuery("q")).extracting(Judgment::itemId)
                    .containsExactlyElementsOf(WORDS_BY_CODE_POINT);
            store.judgments().replace("ann", List.of());
            for (String w : WORDS) {
                store.judgments().replace(w, List.of(new Judgment("q", "item", 1, w)));
            }
            assertThat(store.judgments().all()).extracting(Judgment::source)
                    .containsExactlyElementsOf(WORDS_BY_CODE_POINT);

            store.clickMemory().q2eUpsertPredicted(WORDS.stream().map(w -> new Q2ePrediction("q", w, 0.5)).toList());
            assertThat(store.clickMemory().q2eLookup("q", 10)).extracting(Q2eEntry::itemId)
                    .containsExactlyElementsOf(WORDS_BY_CODE_POINT);

            Map<String, Double> weights = new LinkedHashMap<>();
            WORDS.forEach(w -> weights.put(w, 0.5));
            assertThat(store.profiles().update("alice", weights).keySet())
                    .containsExactlyElementsOf(WORDS_BY_CODE_POINT);

            List<String> searches = new ArrayList<>();
            for (String w : WORDS) {
                store.querySets().create(w, "typed", List.of("q"));
                searches.add(Fixtures.record(store, T, w));
            }
            assertThat(store.querySets().list()).extracting(QuerySet::name)
                    .containsExactlyElementsOf(WORDS_BY_CODE_POINT);
            assertThat(store.querySets().loggedQueries()).extracting(QueryCount::query)
                    .containsExactlyElementsOf(WORDS_BY_CODE_POINT);

            for (int i = 0; i < WORDS.size(); i++) {
                store.reformulations().record(new Reformulation("ses-1", "alice", searches.get(i),
                        searches.get((i + 1) % WORDS.size()), WORDS.get(i), "to", "typo", Duration.ofSeconds(1), false,
                        T));
            }
            assertThat(store.reformulations().counts()).extracting(ReformulationCount::fromQuery)
                    .containsExactlyElementsOf(WORDS_BY_CODE_POINT);
        }
    }

    @Test
    void anImportedUbiLogReadsBackAsStoredAndIsReplacedOnlyWhenAsked() {
        String longest = longestJudgedQuery();
        UbiLog log = new UbiLog(List.of(
                new UbiQuery("q-1", longest, "client-1", T, "r-1", "{\"page\":1}", List.of("item-a", "item-b")),
                new UbiQuery("q-2", "", null, null, null, null, List.of())),
                List.of(new UbiEvent("click", "q-1", "client-1", T.plusSeconds(1), "item-b", "id", 2,
                                "{\"position\":{\"ordinal\":2}}"),
                        new UbiEvent("page_exit", null, null, T.plusSeconds(2), null, null, null, null)));
        UbiLog other = new UbiLog(List.of(new UbiQuery("q-9", "blue train", null, T, null, null, List.of("item-c"))),
                List.of());
        try (FeedbackStore store = open()) {
            assertThat(store.importedLogs().storeUbi("ubi.ndjson", log, false)).isEmpty();
            assertThat(store.importedLogs().storeUbi("b", other, false)).isEmpty();
            assertThat(store.importedLogs().ubi("ubi.ndjson")).contains(log);
            assertThat(store.importedLogs().all()).containsExactly(
                    new ImportedLog("b", "ubi", 1, 0, CLOCK.instant()),
                    new ImportedLog("ubi.ndjson", "ubi", 2, 2, CLOCK.instant()));

            assertThatThrownBy(() -> store.importedLogs().storeUbi("ubi.ndjson", other, false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already");
            assertThat(store.importedLogs().ubi("ubi.ndjson")).contains(log);
            Optional<ImportedLog> replaced = store.importedLogs().storeUbi("ubi.ndjson", other, true);
            assertThat(replaced).map(ImportedLog::queries).contains(2);
            assertThat(store.importedLogs().ubi("ubi.ndjson")).contains(other);
            assertThat(store.importedLogs().ubi("b")).contains(other);

            assertThat(store.importedLogs().delete("b")).isTrue();
            assertThat(store.importedLogs().delete("b")).isFalse();
            assertThat(store.importedLogs().ubi("b")).isEmpty();
            assertThat(store.importedLogs().all()).extracting(ImportedLog::source).containsExactly("ubi.ndjson");
        }
    }

    @Test
    void importedLogsAreListedByCodePoint() {
        UbiLog log = new UbiLog(List.of(), List.of());
        try (FeedbackStore store = open()) {
            for (String w : WORDS) {
                store.importedLogs().storeUbi(w, log, false);
            }
            assertThat(store.importedLogs().all()).extracting(ImportedLog::source)
                    .containsExactlyElementsOf(WORDS_BY_CODE_POINT);
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
