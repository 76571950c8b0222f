package io.ltrr.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.QueryCount;
import io.ltrr.engine.store.QuerySet;
import io.ltrr.engine.store.QuerySetRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuerySetStoreTest {
    @TempDir
    Path data;

    private H2FeedbackStore open() {
        return H2FeedbackStore.open(data, FeedbackStoreConfig.defaults(), Clock.fixed(Fixtures.T0, ZoneOffset.UTC));
    }

    @Test
    void aCreatedSetAndItsRunsSurviveCloseAndReopenInOrder() {
        try (H2FeedbackStore store = open()) {
            store.querySets().create("jazz", "typed", List.of("blue train", "kind of blue", "a love supreme"));
            store.querySets().saveRun(run("jazz", 0.5));
            store.querySets().saveRun(run("jazz", 0.75));
        }
        try (H2FeedbackStore store = open()) {
            QuerySet set = store.querySets().find("jazz").orElseThrow();
            assertThat(set.queries()).containsExactly("blue train", "kind of blue", "a love supreme");
            assertThat(set.createdAt()).isEqualTo(Fixtures.T0);
            assertThat(set.origin()).isEqualTo("typed");
            List<QuerySetRun> runs = store.querySets().runs("jazz");
            assertThat(runs).extracting(QuerySetRun::ndcg).containsExactly(0.5, 0.75);
            assertThat(runs.get(1).runId()).isGreaterThan(runs.get(0).runId());
            assertThat(store.querySets().run(runs.get(0).runId()).orElseThrow().snapshotJson()).isEqualTo("{}");
            assertThat(runs.get(0).mrr()).isNaN();
        }
    }

    @Test
    void aSecondSetOfTheSameNameIsRefusedAndTheFirstKept() {
        try (H2FeedbackStore store = open()) {
            store.querySets().create("jazz", "typed", List.of("blue train"));
            assertThatThrownBy(() -> store.querySets().create("jazz", "typed", List.of("other")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already");
            assertThat(store.querySets().list()).extracting(QuerySet::queries).containsExactly(List.of("blue train"));
        }
    }

    @Test
    void deletingASetRemovesItsRuns() {
        try (H2FeedbackStore store = open()) {
            store.querySets().create("jazz", "typed", List.of("blue train"));
            long id = store.querySets().saveRun(run("jazz", 0.5)).runId();
            assertThat(store.querySets().delete("jazz")).isTrue();
            assertThat(store.querySets().delete("jazz")).isFalse();
            assertThat(store.querySets().run(id)).isEmpty();
            assertThat(store.querySets().find("jazz")).isEmpty();
        }
    }

    @Test
    void namesAreValidatedNamingTheField() {
        assertThatThrownBy(() -> QuerySet.checkName("x".repeat(257))).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> QuerySet.checkName("a\tb")).hasMessageContaining("control");
        assertThatThrownBy(() -> QuerySet.checkName(" ")).hasMessageContaining("name");
        assertThat(QuerySet.checkName("x".repeat(256))).hasSize(256);
    }

    @Test
    void aRunOfAnUnknownSetIsRefused() {
        try (H2FeedbackStore store = open()) {
            assertThatThrownBy(() -> store.querySets().saveRun(run("nope", 0.1)))
                    .hasMessageContaining("no query set named 'nope'");
        }
    }

    @Test
    void loggedQueriesAreCountedMostFrequentFirst() {
        try (H2FeedbackStore store = open()) {
            Fixtures.record(store, Fixtures.T0, "blue train");
            Fixtures.record(store, Fixtures.T0, "kind of blue");
            Fixtures.record(store, Fixtures.T0, " blue train ");
            assertThat(store.querySets().loggedQueries())
                    .containsExactly(new QueryCount("blue train", 2), new QueryCount("kind of blue", 1));
        }
    }

    private static QuerySetRun run(String set, double ndcg) {
        return new QuerySetRun(0, set, Fixtures.T0, "all arms", "own", ndcg, 0.1, Double.NaN, 3, "{}");
    }
}
