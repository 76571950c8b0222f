package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.ShownItem;

import io.ltrr.engine.rank.ArmHit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpressionRoundTripTest {
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
    void searchIdsAreIssuedInOrderAsSDashNumber() {
        assertThat(List.of(store.searchLog().newSearchId(), store.searchLog().newSearchId(), store.searchLog().newSearchId()))
                .containsExactly("s-1", "s-2", "s-3");
    }

    @Test
    void everyFieldOfAnImpressionReadsBackEqual() {
        String id = store.searchLog().newSearchId();
        Impression written = Fixtures.impression(id, Fixtures.T0, "Tayler  Love");

        store.searchLog().recordImpression(written);
        Impression read = store.searchLog().impression(id).orElseThrow();

        assertThat(read).isEqualTo(written);
        // Record equality of the parts that are easiest to get subtly wrong, spelled out.
        assertThat(read.timestamp()).isEqualTo(Fixtures.T0);
        assertThat(read.selection().chosen()).containsExactly("bm25", "dense", "popular");
        assertThat(read.selection().propensity()).containsEntry("explore", 0.05).hasSize(4);
        assertThat(read.selection().diagnostics().get("explore").uncertainty()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read.features().values()).containsExactly(1.0, 2.0, 0.7071067811865476, 0.0);
        assertThat(read.shown().getFirst().provenance()).containsEntry("dense", new ArmHit(4, 0.81));
        assertThat(read.context()).containsEntry("profile", "jazz:0.8,rock:0.2");
    }

    @Test
    void anImpressionWithNothingShownIsKept() {
        String id = store.searchLog().newSearchId();
        Impression empty = new Impression(id, Fixtures.T0, "ses-9", "bob", "zzz", "zzz", java.util.Map.of(),
                Fixtures.x(), Fixtures.selection(0), List.of());

        store.searchLog().recordImpression(empty);

        assertThat(store.searchLog().impression(id)).contains(empty);
    }

    @Test
    void unknownAndMalformedIdsHaveNoImpression() {
        assertThat(store.searchLog().impression("s-99")).isEmpty();
        assertThat(store.searchLog().impression("search-1")).isEmpty();
    }

    @Test
    void recordingTheSameSearchIdTwiceFailsAndKeepsTheFirst() {
        String id = Fixtures.record(store, Fixtures.T0, "first");

        assertThatThrownBy(() -> store.searchLog().recordImpression(Fixtures.impression(id, Fixtures.T0, "second")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("search id " + id + " is already recorded");
        assertThat(store.searchLog().impression(id).orElseThrow().query()).isEqualTo("first");
        assertThat(store.searchLog().count()).isEqualTo(1);
    }

    @Test
    void provenanceNamingAnArmOutsideTheSelectionIsRejected() {
        var stray = List.of(new ShownItem(1, "item-z", 1.0, java.util.Map.of("explore", new ArmHit(1, 1.0))));

        assertThatThrownBy(() -> new Impression("s-1", Fixtures.T0, "ses-1", "alice", "q", "q", java.util.Map.of(),
                Fixtures.x(), Fixtures.selection(0), stray))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arm 'explore'").hasMessageContaining("not chosen");
    }
}
