package io.ltrr.engine.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingEmbedderTest {
    /** A model that counts its embeddings and gives every text a vector of its own (its hash in every slot). */
    private static final class CountingModel implements TextEmbedder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String modelId() {
            return "counting";
        }

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public float[] embed(String text) {
            calls.incrementAndGet();
            return new float[] {text.hashCode(), text.length(), 1, 0};
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }
    }

    @Test
    void aRepeatedTextIsEmbeddedOnceAndGetsTheSameVector() {
        CountingModel model = new CountingModel();
        CachingEmbedder cache = new CachingEmbedder(() -> model, 100);
        float[] first = cache.embed("love song");
        float[] again = cache.embed("love song");
        assertThat(again).containsExactly(first);
        assertThat(model.calls.get()).isEqualTo(1);
        assertThat(cache.requests()).isEqualTo(2);
        assertThat(cache.embedded()).isEqualTo(1);
    }

    @Test
    void theKeyIsTheExactText() {
        CountingModel model = new CountingModel();
        CachingEmbedder cache = new CachingEmbedder(() -> model, 100);
        cache.embed("Love song");
        cache.embed("love song");
        cache.embed("love song ");
        assertThat(model.calls.get()).isEqualTo(3);
    }

    @Test
    void aCallerChangingItsVectorDoesNotChangeTheNextCallers() {
        CachingEmbedder cache = new CachingEmbedder(CountingModel::new, 100);
        float[] v = cache.embed("jazz");
        float[] kept = v.clone();
        v[0] = 42;
        assertThat(cache.embed("jazz")).containsExactly(kept);
    }

    @Test
    void staysWithinItsCapacityAndStatesItsMemoryBound() {
        CountingModel model = new CountingModel();
        CachingEmbedder cache = new CachingEmbedder(() -> model, 50);
        for (int i = 0; i < 5_000; i++) {
            cache.embed("query " + i);
        }
        assertThat(cache.size()).isBetween(1L, 50L);
        assertThat(cache.maxVectorBytes()).isEqualTo(50L * 4 * Float.BYTES);
        // evicted texts are embedded again, to the same vector
        float[] again = cache.embed("query 0");
        assertThat(again).containsExactly(model.embed("query 0"));
    }

    @Test
    void capacityZeroEmbedsEveryCall() {
        CountingModel model = new CountingModel();
        CachingEmbedder cache = new CachingEmbedder(() -> model, 0);
        cache.embed("a");
        cache.embed("a");
        assertThat(model.calls.get()).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theModelLoadsOnTheFirstTextOnly() {
        AtomicInteger loads = new AtomicInteger();
        CachingEmbedder cache = new CachingEmbedder(() -> {
            loads.incrementAndGet();
            return new CountingModel();
        }, 10);
        assertThat(loads.get()).isZero();
        cache.embed("a");
        cache.embed("b");
        assertThat(loads.get()).isEqualTo(1);
    }

    @Test
    void rejectsANegativeCapacity() {
        assertThatThrownBy(() -> new CachingEmbedder(CountingModel::new, -1))
                .hasMessageContaining("capacity");
    }

    /** The premise of the cache: MiniLM gives a text the same floats every time, so a hit equals a recomputation. */
    @Test
    void miniLmEmbedsATextToTheSameFloatsEveryTime() {
        MiniLmEmbedder model = new MiniLmEmbedder();
        float[] a = model.embed("calm ambient music for the morning");
        model.embed("something else in between");
        float[] b = model.embed("calm ambient music for the morning");
        assertThat(b).containsExactly(a);
        CachingEmbedder cache = new CachingEmbedder(() -> model, 10);
        assertThat(cache.embed("calm ambient music for the morning")).containsExactly(a);
    }
}
