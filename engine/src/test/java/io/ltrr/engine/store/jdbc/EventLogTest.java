package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.LogEvent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    @TempDir
    Path data;
    FeedbackStore store;

    @BeforeEach
    void open() {
        store = H2FeedbackStore.open(data);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void recentListsSearchesClicksAndRatingsNewestFirst() {
        String s1 = Fixtures.record(store, Fixtures.T0, "Blue Train");
        store.feedbackLog().recordClick(s1, "item-b", Fixtures.T0.plusSeconds(5));
        String s2 = Fixtures.record(store, Fixtures.T0.plusSeconds(10), "Giant Steps");
        store.feedbackLog().recordRating(s2, "item-c", 3, "carol", Fixtures.T0.plusSeconds(12));
        store.feedbackLog().recordRating(s2, "item-a", null, "dave", Fixtures.T0.plusSeconds(13));

        List<LogEvent> recent = store.searchLog().recent(10);

        assertThat(recent).containsExactly(
                new LogEvent(LogEvent.Kind.RATING, Fixtures.T0.plusSeconds(13), s2, "item-a",
                        "can't tell by dave for \"Giant Steps\"", "dave"),
                new LogEvent(LogEvent.Kind.RATING, Fixtures.T0.plusSeconds(12), s2, "item-c",
                        "grade 3 by carol for \"Giant Steps\"", "carol"),
                new LogEvent(LogEvent.Kind.SEARCH, Fixtures.T0.plusSeconds(10), s2, null, "\"Giant Steps\"" + ARMS),
                new LogEvent(LogEvent.Kind.CLICK, Fixtures.T0.plusSeconds(5), s1, "item-b",
                        "clicked at position 2 for \"Blue Train\""),
                new LogEvent(LogEvent.Kind.SEARCH, Fixtures.T0, s1, null, "\"Blue Train\"" + ARMS));
        assertThat(store.searchLog().recent(2)).isEqualTo(recent.subList(0, 2));
        assertThat(store.searchLog().recent(0)).isEmpty();
    }

    /** A search line names the arms its round offered and those it chose, as search_arms logged them. */
    private static final String ARMS = " · offered bm25, dense, popular, explore · chose bm25, dense, popular";

    @Test
    void feedbackAtTheSameInstantAsItsSearchComesAfterIt() {
        String s1 = Fixtures.record(store, Fixtures.T0, "Naima");
        store.feedbackLog().recordClick(s1, "item-a", Fixtures.T0);

        assertThat(store.searchLog().recent(5)).extracting(LogEvent::kind).containsExactly(LogEvent.Kind.CLICK, LogEvent.Kind.SEARCH);
    }

    @Test
    void recentFiltersByKindAndByTextInQueryOrItem() {
        String s1 = Fixtures.record(store, Fixtures.T0, "Blue Train");
        store.feedbackLog().recordClick(s1, "item-b", Fixtures.T0.plusSeconds(5));
        String s2 = Fixtures.record(store, Fixtures.T0.plusSeconds(10), "Giant Steps");
        store.feedbackLog().recordClick(s2, "item-c", Fixtures.T0.plusSeconds(11));

        assertThat(store.searchLog().recent(10, LogEvent.Kind.CLICK, null)).extracting(LogEvent::itemId)
                .containsExactly("item-c", "item-b");
        assertThat(store.searchLog().recent(10, null, "TRAIN")).extracting(LogEvent::kind, LogEvent::searchId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LogEvent.Kind.CLICK, s1),
                        org.assertj.core.groups.Tuple.tuple(LogEvent.Kind.SEARCH, s1));
        assertThat(store.searchLog().recent(10, LogEvent.Kind.SEARCH, "steps")).extracting(LogEvent::searchId).containsExactly(s2);
        assertThat(store.searchLog().recent(10, null, "item-c")).extracting(LogEvent::searchId).containsExactly(s2);
        // LIKE wildcards in the filter are taken literally.
        assertThat(store.searchLog().recent(10, null, "%")).isEmpty();
    }

    @Test
    void countsFollowTheLog() {
        String s1 = Fixtures.record(store, Fixtures.T0, "a");
        Fixtures.record(store, Fixtures.T0, "b");
        store.feedbackLog().recordClick(s1, "item-a", Fixtures.T0);
        store.feedbackLog().recordRating(s1, "item-a", 1, "carol", Fixtures.T0);
        store.feedbackLog().recordRating(s1, "item-b", null, "carol", Fixtures.T0);

        assertThat(List.of(store.searchLog().count(), store.feedbackLog().clickCount(), store.feedbackLog().ratingCount())).containsExactly(2L, 1L, 2L);
    }

    @Test
    void replayYieldsEveryRewardingEventInCommitOrder() {
        String s1 = Fixtures.record(store, Fixtures.T0, "a");
        String s2 = Fixtures.record(store, Fixtures.T0, "b");
        List<FeedbackOutcome> live = new ArrayList<>();
        live.add(store.feedbackLog().recordClick(s2, "item-b", Fixtures.T0));
        FeedbackOutcome cantTell = store.feedbackLog().recordRating(s1, "item-a", null, "carol", Fixtures.T0);
        live.add(store.feedbackLog().recordRating(s1, "item-c", 2, "carol", Fixtures.T0));
        live.add(store.feedbackLog().recordClick(s1, "item-a", Fixtures.T0));

        List<FeedbackOutcome> replayed = new ArrayList<>();
        store.feedbackLog().replay(replayed::add);

        assertThat(replayed).containsExactlyElementsOf(live).doesNotContain(cantTell);
        assertThat(replayed).extracting(FeedbackOutcome::eventId).containsExactly("c-1", "r-3", "c-4");
        assertThat(replayed.get(1).chosenArms()).containsExactly("bm25", "dense", "popular");
    }

    @Test
    void sessionsSplitOnInactivityGapsPerUser() {
        Duration gap = Duration.ofMinutes(30);

        String first = store.sessions().sessionFor("alice", Fixtures.T0, gap);
        String sameAfterTenMinutes = store.sessions().sessionFor("alice", Fixtures.T0.plus(Duration.ofMinutes(10)), gap);
        String sameExactlyAtTheGap = store.sessions().sessionFor("alice", Fixtures.T0.plus(Duration.ofMinutes(40)), gap);
        String bob = store.sessions().sessionFor("bob", Fixtures.T0.plus(Duration.ofMinutes(41)), gap);
        String newAfterTheGap = store.sessions().sessionFor("alice", Fixtures.T0.plus(Duration.ofMinutes(71)), gap);

        assertThat(first).isEqualTo("ses-1");
        assertThat(sameAfterTenMinutes).isEqualTo(first);
        assertThat(sameExactlyAtTheGap).isEqualTo(first);
        assertThat(bob).isEqualTo("ses-2");
        assertThat(newAfterTheGap).isEqualTo("ses-3");
    }
}
