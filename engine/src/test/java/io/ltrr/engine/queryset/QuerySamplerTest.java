package io.ltrr.engine.queryset;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.store.QueryCount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuerySamplerTest {
    private static final List<QueryCount> LOG = List.of(new QueryCount("rare", 1), new QueryCount("jazz", 50),
            new QueryCount("blues", 10), new QueryCount("rock", 10), new QueryCount("pop", 29));

    @Test
    void frequentTakesTheMostSearchedWithTiesByText() {
        assertThat(QuerySampler.sample(LOG, QuerySampling.FREQUENT, 3, 0)).containsExactly("jazz", "pop", "blues");
    }

    @Test
    void theSameSeedGivesTheSameSampleWhateverTheLogOrder() {
        List<QueryCount> reversed = LOG.reversed();
        for (QuerySampling s : List.of(QuerySampling.RANDOM, QuerySampling.PROPORTIONAL)) {
            assertThat(QuerySampler.sample(LOG, s, 3, 42)).isEqualTo(QuerySampler.sample(reversed, s, 3, 42))
                    .hasSize(3).doesNotHaveDuplicates();
        }
    }

    @Test
    void aSampleLargerThanTheLogTakesEveryQueryOnce() {
        assertThat(QuerySampler.sample(LOG, QuerySampling.RANDOM, 99, 7))
                .containsExactlyInAnyOrder("rare", "jazz", "blues", "rock", "pop");
    }

    @Test
    void proportionalDrawsFrequentQueriesFirstMoreOftenThanRandomDoes() {
        Map<String, Integer> firstProportional = new HashMap<>();
        Map<String, Integer> firstRandom = new HashMap<>();
        for (long seed = 0; seed < 2000; seed++) {
            firstProportional.merge(QuerySampler.sample(LOG, QuerySampling.PROPORTIONAL, 1, seed).getFirst(), 1,
                    Integer::sum);
            firstRandom.merge(QuerySampler.sample(LOG, QuerySampling.RANDOM, 1, seed).getFirst(), 1, Integer::sum);
        }
        // jazz is 50 of 100 searches: about 1000 of 2000 proportional draws, about 400 uniform ones.
        assertThat(firstProportional.get("jazz")).isBetween(900, 1100);
        assertThat(firstRandom.get("jazz")).isBetween(320, 480);
        assertThat(firstProportional.getOrDefault("rare", 0)).isLessThan(60);
    }
}
