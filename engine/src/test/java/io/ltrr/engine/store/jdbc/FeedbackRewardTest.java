package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.ArmReward;
import io.ltrr.engine.store.ClickEvent;
import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.RatingEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The semi-bandit rule on the fixture: S = {bm25, dense, popular}; explore offered, not chosen. */
class FeedbackRewardTest {
    static final Instant T1 = Fixtures.T0.plusSeconds(20);

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

    @Test
    void clickRewardsTheChosenArmsThatHeldTheItemAndZeroesTheOtherChosenOnes() {
        FeedbackOutcome outcome = store.feedbackLog().recordClick(search, "item-a", T1);

        assertThat(outcome.eventId()).isEqualTo("c-1");
        assertThat(outcome.searchId()).isEqualTo(search);
        assertThat(outcome.itemId()).isEqualTo("item-a");
        assertThat(outcome.chosenArms()).containsExactly("bm25", "dense", "popular");
        assertThat(outcome.rewards()).containsExactly(entry("bm25", 1.0), entry("dense", 1.0), entry("popular", 0.0));
        assertThat(outcome.rewards()).doesNotContainKey("explore");
        assertThat(outcome.hasReward()).isTrue();
        assertThat(outcome.x()).isEqualTo(Fixtures.x());
        assertThat(outcome.policyId()).isEqualTo("thompson");
        assertThat(store.feedbackLog().rewardsOf("c-1")).containsExactly(new ArmReward("bm25", 1.0), new ArmReward("dense", 1.0),
                new ArmReward("popular", 0.0));
        assertThat(store.feedbackLog().clicksOf(search)).containsExactly(new ClickEvent("c-1", search, "item-a", 1, T1));
    }

    @Test
    void aRepeatedClickOnTheSameItemIsLoggedButRewardsNothing() {
        store.feedbackLog().recordClick(search, "item-a", T1);
        FeedbackOutcome again = store.feedbackLog().recordClick(search, "item-a", T1.plusSeconds(5));

        assertThat(again.eventId()).isEqualTo("c-2");
        assertThat(again.repeat()).isTrue();
        assertThat(again.hasReward()).isFalse();
        assertThat(store.feedbackLog().rewardsOf("c-2")).isEmpty();
        assertThat(store.feedbackLog().clicksOf(search)).hasSize(2);
        FeedbackOutcome other = store.feedbackLog().recordClick(search, "item-c", T1.plusSeconds(9));
        assertThat(other.repeat()).isFalse();
        assertThat(other.hasReward()).isTrue();
    }

    @Test
    void clickOnAnItemOnlyOneArmHeldRewardsOnlyThatArm() {
        FeedbackOutcome outcome = store.feedbackLog().recordClick(search, "item-c", T1);

        assertThat(outcome.rewards()).containsExactly(entry("bm25", 0.0), entry("dense", 0.0), entry("popular", 1.0));
        assertThat(store.feedbackLog().clicksOf(search).getFirst().position()).isEqualTo(3);
    }

    @Test
    void ratingGradeTwoRewardsTwoThirds() {
        FeedbackOutcome outcome = store.feedbackLog().recordRating(search, "item-b", 2, "carol", T1);

        assertThat(outcome.eventId()).isEqualTo("r-1");
        assertThat(outcome.rewards()).containsExactly(entry("bm25", 0.0), entry("dense", 2.0 / 3), entry("popular", 0.0));
        assertThat(store.feedbackLog().rewardsOf("r-1")).extracting(ArmReward::reward).containsExactly(0.0, 2.0 / 3, 0.0);
        assertThat(store.feedbackLog().ratingsOf(search)).containsExactly(new RatingEvent("r-1", search, "item-b", 2, "carol", T1));
    }

    @Test
    void ratingGradeZeroRewardsZeroToEveryChosenArm() {
        FeedbackOutcome outcome = store.feedbackLog().recordRating(search, "item-a", 0, "carol", T1);

        assertThat(outcome.rewards()).containsExactly(entry("bm25", 0.0), entry("dense", 0.0), entry("popular", 0.0));
        assertThat(outcome.hasReward()).isTrue();
    }

    @Test
    void cantTellIsStoredButRewardsNothing() {
        FeedbackOutcome outcome = store.feedbackLog().recordRating(search, "item-a", null, "carol", T1);

        assertThat(outcome.rewards()).isEmpty();
        assertThat(outcome.hasReward()).isFalse();
        assertThat(outcome.chosenArms()).containsExactly("bm25", "dense", "popular");
        assertThat(store.feedbackLog().ratingsOf(search)).singleElement().satisfies(r -> {
            assertThat(r.cantTell()).isTrue();
            assertThat(r.grade()).isNull();
        });
        assertThat(store.feedbackLog().rewardsOf(outcome.eventId())).isEmpty();
        assertThat(store.feedbackLog().ratingCount()).isEqualTo(1);
    }

    @Test
    void clicksAndRatingsShareOneEventSequence() {
        assertThat(store.feedbackLog().recordClick(search, "item-a", T1).eventId()).isEqualTo("c-1");
        assertThat(store.feedbackLog().recordRating(search, "item-a", 3, "carol", T1).eventId()).isEqualTo("r-2");
        assertThat(store.feedbackLog().recordClick(search, "item-b", T1).eventId()).isEqualTo("c-3");
    }

    @Test
    void unknownSearchIdIsRejectedAndNothingIsWritten() {
        assertThatThrownBy(() -> store.feedbackLog().recordClick("s-42", "item-a", T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown search id 's-42'");
        assertThatThrownBy(() -> store.feedbackLog().recordRating("nonsense", "item-a", 1, "carol", T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown search id 'nonsense'");
        assertNothingWritten();
    }

    @Test
    void itemNotShownIsRejectedAndNothingIsWritten() {
        assertThatThrownBy(() -> store.feedbackLog().recordClick(search, "item-zz", T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 'item-zz' was not shown in search " + search);
        assertThatThrownBy(() -> store.feedbackLog().recordRating(search, "item-zz", 3, "carol", T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was not shown");
        assertNothingWritten();
    }

    @Test
    void gradeOutsideZeroToThreeIsRejectedAndNothingIsWritten() {
        assertThatThrownBy(() -> store.feedbackLog().recordRating(search, "item-a", 4, "carol", T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grade must be 0..3 (or null for can't tell), was 4");
        assertThatThrownBy(() -> store.feedbackLog().recordRating(search, "item-a", -1, "carol", T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1");
        assertNothingWritten();
    }

    @Test
    void aFailedEventDoesNotUseUpAnEventId() {
        assertThatThrownBy(() -> store.feedbackLog().recordClick(search, "item-zz", T1)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.feedbackLog().recordClick(search, "item-a", T1).eventId()).isEqualTo("c-1");
    }

    private void assertNothingWritten() {
        assertThat(store.feedbackLog().clickCount()).isZero();
        assertThat(store.feedbackLog().ratingCount()).isZero();
        assertThat(store.feedbackLog().clicksOf(search)).isEmpty();
        assertThat(store.feedbackLog().ratingsOf(search)).isEmpty();
        var events = new java.util.ArrayList<FeedbackOutcome>();
        store.feedbackLog().replay(events::add);
        assertThat(events).isEmpty();
    }
}
