package io.ltrr.engine.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultCacheTest {
    /** A stand-in search: the top d of a list of 250 items, recording the depths it was asked for. */
    private static final class FakeSearch {
        final List<Integer> depths = new ArrayList<>();

        CandidateList search(int depth) {
            depths.add(depth);
            List<Candidate> out = new ArrayList<>();
            for (int i = 0; i < Math.min(depth, 250); i++) {
                out.add(new Candidate("i" + i, i + 1, 1000 - i));
            }
            return new CandidateList("fake", out, "note");
        }
    }

    @Test
    void searchesAtLeastOneHundredDeepThenInHundreds() {
        assertThat(ResultCache.depth(1)).isEqualTo(100);
        assertThat(ResultCache.depth(100)).isEqualTo(100);
        assertThat(ResultCache.depth(101)).isEqualTo(200);
        assertThat(ResultCache.depth(1000)).isEqualTo(1000);
        assertThat(ResultCache.depth(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aRepeatedKeyIsAnsweredWithoutSearchingAndCutToK() {
        ResultCache cache = new ResultCache(16);
        FakeSearch fake = new FakeSearch();
        CandidateList first = cache.topK("q", 30, fake::search);
        CandidateList second = cache.topK("q", 70, fake::search);
        assertThat(fake.depths).containsExactly(100);
        assertThat(first.candidates()).hasSize(30);
        assertThat(second.candidates()).hasSize(70);
        assertThat(second.candidates().subList(0, 30)).isEqualTo(first.candidates());
        assertThat(first.note()).isEqualTo("note");
        assertThat(cache.stats()).isEqualTo(new CacheStats(2, 1));
    }

    @Test
    void anotherKeyOrADeeperRequestSearchesAgain() {
        ResultCache cache = new ResultCache(16);
        FakeSearch fake = new FakeSearch();
        cache.topK("q", 10, fake::search);
        cache.topK("other", 10, fake::search);
        assertThat(cache.topK("q", 150, fake::search).candidates()).hasSize(150);
        assertThat(fake.depths).containsExactly(100, 100, 200);
        assertThat(cache.stats().searchesPerRequest()).isEqualTo(1.0);
    }

    @Test
    void withoutCapacityEverySearchIsMadeAtTheSameDepthSoTheAnswerIsTheSame() {
        ResultCache off = new ResultCache(0);
        ResultCache on = new ResultCache(4);
        FakeSearch a = new FakeSearch();
        FakeSearch b = new FakeSearch();
        for (int k : new int[] {5, 5, 40}) {
            assertThat(off.topK("q", k, a::search)).isEqualTo(on.topK("q", k, b::search));
        }
        assertThat(a.depths).containsExactly(100, 100, 100);
        assertThat(b.depths).containsExactly(100);
        assertThat(off.stats()).isEqualTo(new CacheStats(3, 3));
    }

    @Test
    void aKeptListComesBackAsItWasSearchedWhateverItsRanksAndScores() {
        ResultCache cache = new ResultCache(4);
        List<Candidate> odd = List.of(new Candidate("b", 2, 0.5), new Candidate("a", 1, -3.25),
                new Candidate("c", 7, Double.MIN_VALUE));
        CandidateList searched = new CandidateList("arm", odd, "how");
        CandidateList first = cache.topK("q", 3, d -> searched);
        CandidateList again = cache.topK("q", 3, d -> {
            throw new AssertionError("searched again");
        });
        assertThat(first).isEqualTo(searched);
        assertThat(again).isEqualTo(searched);
        assertThat(cache.topK("q", 2, d -> searched).candidates()).isEqualTo(odd.subList(0, 2));
        CandidateList empty = CandidateList.empty("arm", "nothing");
        assertThat(cache.topK("none", 5, d -> empty)).isEqualTo(empty);
        assertThat(cache.topK("none", 5, d -> searched)).isEqualTo(empty);
    }

    @Test
    void simulationsKeepMoreQueriesUnlessTheCacheIsOff() {
        assertThat(ArmSettings.music().forSimulation().cacheEntries()).isEqualTo(ArmSettings.SIMULATION_CACHE_ENTRIES);
        assertThat(ArmSettings.music().withCacheEntries(0).forSimulation().cacheEntries()).isZero();
        assertThat(ArmSettings.music().withCacheEntries(100_000).forSimulation().cacheEntries()).isEqualTo(100_000);
    }

    @Test
    void aNegativeCapacityIsRefused() {
        assertThatThrownBy(() -> new ResultCache(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
