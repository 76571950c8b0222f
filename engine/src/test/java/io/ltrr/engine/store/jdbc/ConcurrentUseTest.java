package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackStore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentUseTest {
    @TempDir
    Path data;

    @Test
    void searchesAndClicksFromSeveralThreadsAllLandWithDistinctIds() throws Exception {
        Set<String> searchIds = ConcurrentHashMap.newKeySet();
        Set<String> eventIds = ConcurrentHashMap.newKeySet();
        try (FeedbackStore store = H2FeedbackStore.open(data);
             ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String search = Fixtures.record(store, Fixtures.T0, "q");
                        searchIds.add(search);
                        eventIds.add(store.feedbackLog().recordClick(search, "item-a", Fixtures.T0).eventId());
                        eventIds.add(store.feedbackLog().recordRating(search, "item-b", 1, "t", Fixtures.T0).eventId());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }

            assertThat(searchIds).hasSize(100);
            assertThat(eventIds).hasSize(200);
            assertThat(List.of(store.searchLog().count(), store.feedbackLog().clickCount(), store.feedbackLog().ratingCount())).containsExactly(100L, 100L, 100L);
        }
    }
}
