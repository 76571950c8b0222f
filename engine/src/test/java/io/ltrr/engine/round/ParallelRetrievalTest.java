package io.ltrr.engine.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.context.ContextFeatures;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.RrfRanker;
import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.InMemoryQueryMemory;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.retrieval.ScoreExplanation;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A round whose chosen arms retrieve at the same time ({@link RoundEngine#withParallelRetrieval}) is the same round
 * as one whose arms retrieve one after another: the same lists in the selection's order, the same ranked page.
 */
class ParallelRetrievalTest {
    private static final List<String> ARMS = List.of("a", "b", "c", "d");
    private static final SearchContext CTX = SearchContext.anonymous(LocalDateTime.of(2026, 1, 5, 12, 0));
    private static final SelectionBudget BUDGET = new SelectionBudget(3, 60, 5);

    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** An arm whose list depends on the query and the request's seed only, slow enough to overlap with others. */
    private class Arm implements RetrievalStrategy {
        private final String id;

        Arm(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return "test arm " + id;
        }

        @Override
        public CandidateList retrieve(RetrievalRequest request, int k) {
            threads.add(Thread.currentThread().getName());
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Candidate> list = new ArrayList<>();
            long h = request.query().hashCode() * 31L + id.hashCode() + request.seed();
            for (int r = 0; r < Math.min(k, 8); r++) {
                list.add(new Candidate("item-" + Math.floorMod(h + r * 7L, 20), r + 1, 1.0 / (r + 1)));
            }
            return new CandidateList(id, list.stream().distinct().toList(), "");
        }

        @Override
        public ScoreExplanation explain(RetrievalRequest request, String itemId) {
            return ScoreExplanation.leaf(0, id);
        }

        @Override
        public boolean retrievesOnAnyThread() {
            return true;
        }
    }

    /**
     * An arm like the live click memory: it reads a store whose lock the searching thread holds (a live search runs
     * inside a store transaction), so it must retrieve on that thread.
     */
    private final class StoreArm extends Arm {
        private final Object store;

        StoreArm(String id, Object store) {
            super(id);
            this.store = store;
        }

        @Override
        public CandidateList retrieve(RetrievalRequest request, int k) {
            synchronized (store) {
                storeThreads.add(Thread.currentThread().getName());
                return super.retrieve(request, k);
            }
        }

        @Override
        public boolean retrievesOnAnyThread() {
            return false;
        }
    }

    private final Set<String> storeThreads = ConcurrentHashMap.newKeySet();

    private RoundEngine engine(Map<String, RetrievalStrategy> arms) {
        return new RoundEngine(arms, CatalogTagger.build(List.of()), new InMemoryQueryMemory(5), 11);
    }

    private Map<String, RetrievalStrategy> arms() {
        Map<String, RetrievalStrategy> arms = new LinkedHashMap<>();
        for (String id : ARMS) {
            arms.put(id, new Arm(id));
        }
        return arms;
    }

    private static SelectionPolicy policy() {
        return PolicyRegistry.standard().create("uniform", 5, ContextFeatures.NAMES, PolicyOptions.none());
    }

    @Test
    void theSameRoundsAsArmsOneAfterAnother() {
        RoundEngine sequential = engine(arms());
        RoundEngine parallel = engine(arms()).withParallelRetrieval(pool);
        SelectionPolicy p1 = policy();
        SelectionPolicy p2 = policy();
        for (String query : List.of("love song", "ambient", "tayler love", "2010s techno", "folk", "x")) {
            Round a = sequential.run(query, CTX, p1, ARMS, BUDGET, new RrfRanker(), 10);
            Round b = parallel.run(query, CTX, p2, ARMS, BUDGET, new RrfRanker(), 10);
            assertThat(b.selection().chosen()).isEqualTo(a.selection().chosen()).hasSize(3);
            assertThat(List.copyOf(b.lists().keySet())).isEqualTo(a.selection().chosen());
            assertThat(b.lists()).isEqualTo(a.lists());
            assertThat(b.results().stream().map(RankedItem::itemId).toList())
                    .isEqualTo(a.results().stream().map(RankedItem::itemId).toList());
        }
        assertThat(threads).as("some arms retrieved on the pool's threads").anyMatch(n -> n.startsWith("pool-"));
    }

    @Test
    void anArmThatReadsTheStoreRetrievesOnTheCallersThreadWhichHoldsTheStore() {
        Object store = new Object();
        Map<String, RetrievalStrategy> arms = arms();
        arms.put("a", new StoreArm("a", store));
        arms.put("d", new StoreArm("d", store));
        RoundEngine parallel = engine(arms).withParallelRetrieval(pool);
        SelectionPolicy policy = policy();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            for (String query : List.of("love song", "ambient", "tayler love", "2010s techno", "folk", "x", "y", "z")) {
                synchronized (store) { // as a live search holds its store transaction
                    Round r = parallel.run(query, CTX, policy, ARMS, BUDGET, new RrfRanker(), 10);
                    assertThat(r.lists()).hasSize(3);
                }
            }
        });
        assertThat(storeThreads).as("the store's arms ran on the searching thread only").isNotEmpty()
                .allMatch(n -> !n.startsWith("pool-"));
    }

    @Test
    void anArmsFailureReachesTheCaller() {
        Map<String, RetrievalStrategy> arms = arms();
        for (String id : ARMS) {
            arms.put(id, new Arm(id) {
                @Override
                public CandidateList retrieve(RetrievalRequest request, int k) {
                    throw new IllegalStateException("arm " + id + " is down");
                }
            });
        }
        RoundEngine parallel = engine(arms).withParallelRetrieval(pool);
        assertThatThrownBy(() -> parallel.run("love", CTX, policy(), ARMS, BUDGET, new RrfRanker(), 10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is down");
    }

    @Test
    void aPoolThatStartsNothingCostsOnlyTheCallersTime() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        ExecutorService stuck = Executors.newSingleThreadExecutor();
        try {
            stuck.execute(() -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            RoundEngine parallel = engine(arms()).withParallelRetrieval(stuck);
            Round r = parallel.run("love song", CTX, policy(), ARMS, BUDGET, new RrfRanker(), 10);
            assertThat(r.lists()).hasSize(3); // every arm run by the caller, none waited for
        } finally {
            never.countDown();
            stuck.shutdownNow();
        }
    }
}
