package io.ltrr.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.LoggedRound;
import io.ltrr.engine.store.RewardRule;
import io.ltrr.engine.store.SearchPull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reward accounting (ADR 0009) on the fixture: S = {bm25, dense, popular}; item-a held by bm25 and dense, item-b
 * by dense, item-c by popular. A search is one pull, made when it closes, each arm's reward its best signal.
 */
class SearchPullTest {
    static final Instant T1 = Fixtures.T0.plusSeconds(20);
    static final RewardRule CLICKS_ONLY = RewardRule.defaults();
    static final RewardRule WITH_RATINGS = RewardRule.defaults().withRatingsTrain(true);

    @TempDir
    Path data;
    FeedbackStore store;
    String search;

    @BeforeEach
    void open() {
        store = H2FeedbackStore.open(data);
        search = Fixtures.record(store, Fixtures.T0, "blue train");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<SearchPull> closeByAlice(RewardRule rule) {
        return store.feedbackLog().closeSearches("alice", T1.plusSeconds(60), rule);
    }

    @Test
    void aSearchRatedSixTimesIsOnePullWithEachArmsBestSignal() {
        store.feedbackLog().recordRating(search, "item-b", 1, "ann", T1);
        store.feedbackLog().recordRating(search, "item-b", 3, "bob", T1);
        store.feedbackLog().recordRating(search, "item-c", 2, "ann", T1);
        store.feedbackLog().recordRating(search, "item-c", 0, "bob", T1);
        store.feedbackLog().recordRating(search, "item-a", null, "ann", T1);
        store.feedbackLog().recordRating(search, "item-a", 0, "bob", T1);
        List<SearchPull> pulls = closeByAlice(WITH_RATINGS);
        assertThat(pulls).singleElement().satisfies(p -> {
            assertThat(p.searchId()).isEqualTo(search);
            assertThat(p.chosenArms()).containsExactly("bm25", "dense", "popular");
            assertThat(p.rewards().get("bm25")).isEqualTo(0.0);
            assertThat(p.rewards().get("dense")).isEqualTo(1.0);
            assertThat(p.rewards().get("popular")).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(p.policyId()).isEqualTo("thompson");
        });
        assertThat(closeByAlice(WITH_RATINGS)).as("closed once").isEmpty();
        assertThat(store.feedbackLog().isClosed(search)).isTrue();
    }

    @Test
    void aClickIsWorthOneAndBeatsARatingOfTheSameArm() {
        store.feedbackLog().recordRating(search, "item-a", 1, "ann", T1);
        store.feedbackLog().recordClick(search, "item-a", T1);
        assertThat(closeByAlice(WITH_RATINGS).getFirst().rewards())
                .containsExactly(entry("bm25", 1.0), entry("dense", 1.0), entry("popular", 0.0));
    }

    @Test
    void withRatingsNotTrainingOnlyClicksCountAndAJudgedSearchIsNoPull() {
        store.feedbackLog().recordRating(search, "item-c", 3, "ann", T1);
        assertThat(closeByAlice(CLICKS_ONLY)).as("rated only: not traffic, not a pull").isEmpty();
        assertThat(store.feedbackLog().isClosed(search)).isTrue();
        assertThat(store.logReader().rounds()).as("OPE reads the pulls: no round").isEmpty();

        String clicked = Fixtures.record(store, T1, "red train");
        store.feedbackLog().recordRating(clicked, "item-c", 3, "ann", T1);
        store.feedbackLog().recordClick(clicked, "item-b", T1);
        assertThat(closeByAlice(CLICKS_ONLY).getFirst().rewards())
                .containsExactly(entry("bm25", 0.0), entry("dense", 1.0), entry("popular", 0.0));
    }

    @Test
    void aSearchWithoutFeedbackIsAPullOfZeroAtTheNextSearchOfItsUser() {
        assertThat(store.feedbackLog().closeSearches("bob", T1, CLICKS_ONLY)).as("another user, within the timeout")
                .isEmpty();
        List<SearchPull> pulls = closeByAlice(CLICKS_ONLY);
        assertThat(pulls).singleElement().satisfies(p -> assertThat(p.rewards().values()).containsOnly(0.0));
    }

    @Test
    void aSearchOlderThanTheTimeoutIsClosedByAnyUsersSearch() {
        Instant late = Fixtures.T0.plus(Duration.ofMinutes(31));
        assertThat(store.feedbackLog().closeSearches("bob", late, CLICKS_ONLY)).singleElement()
                .satisfies(p -> assertThat(p.searchId()).isEqualTo(search));
    }

    @Test
    void theOffPolicyLogReadsThePullsRewards() {
        store.feedbackLog().recordRating(search, "item-c", 3, "ann", T1);
        store.feedbackLog().recordClick(search, "item-b", T1);
        LoggedRound open = store.logReader().rounds().getFirst();
        assertThat(open.rewards()).as("open: every event's best, as before")
                .containsExactly(entry("bm25", 0.0), entry("dense", 1.0), entry("popular", 1.0));
        SearchPull pull = closeByAlice(CLICKS_ONLY).getFirst();
        LoggedRound closed = store.logReader().rounds().getFirst();
        assertThat(closed.rewards()).isEqualTo(pull.rewards()).containsEntry("popular", 0.0);
    }

    @Test
    void replayingThePullsGivesTheUpdatesInCloseOrder() {
        store.feedbackLog().recordClick(search, "item-a", T1);
        String second = Fixtures.record(store, T1, "red train");
        List<SearchPull> live = new ArrayList<>(closeByAlice(CLICKS_ONLY));
        List<SearchPull> replayed = new ArrayList<>();
        store.feedbackLog().replayPulls(replayed::add);
        assertThat(replayed).containsExactlyElementsOf(live);
        assertThat(replayed).extracting(SearchPull::searchId).containsExactly(search, second);
        assertThat(replayed.get(0).closeId()).isLessThan(replayed.get(1).closeId());
    }
}
