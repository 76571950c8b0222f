package io.ltrr.engine.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopicSamplerTest {
    private static final long SEED = 424242L;
    private static final int DOCS = 200;

    /** An item's weight is its own, whichever tag it is drawn through. */
    private static float weight(int doc) {
        return 0.05f + (doc % 17) / 10f;
    }

    private static TopicSampler.Tag tag(int from, int to) {
        int[] docs = IntStream.range(from, to).toArray();
        float[] w = new float[docs.length];
        for (int i = 0; i < docs.length; i++) {
            w[i] = weight(docs[i]);
        }
        return TopicSampler.Tag.of(docs, w);
    }

    /** Three overlapping tags over docs 0..199: items 50..99 carry two tags, 140..149 two, the rest one. */
    private static final List<TopicSampler.Tag> TOPIC = List.of(tag(0, 100), tag(50, 150), tag(140, 200));

    private static List<Integer> docs(List<TopicSampler.Drawn> drawn) {
        return drawn.stream().map(TopicSampler.Drawn::doc).toList();
    }

    @Test
    void theFirstDrawTakesEveryItemOfTheUnionInProportionToItsWeightWhateverItsTags() {
        double total = 0;
        for (int d = 0; d < DOCS; d++) {
            total += weight(d);
        }
        double[] expected = new double[DOCS];
        for (int d = 0; d < DOCS; d++) {
            expected[d] = weight(d) / total;
        }
        long n = 200_000;
        long[] counts = new long[DOCS];
        SplittableRandom random = new SplittableRandom(SEED);
        for (long i = 0; i < n; i++) {
            counts[TopicSampler.draw(TOPIC, Set.of(), 1, random, 1_000).getFirst().doc()]++;
        }
        // 199 degrees of freedom: P(chi² > 266.4) = 0.001; items with two tags would be twice as frequent if the
        // overlap were not corrected (chi² in the thousands)
        assertThat(AliasTableTest.chiSquare(counts, expected, n)).as("seed " + SEED).isLessThan(266.4);
    }

    /** The linear scan's draw: the k largest Efraimidis–Spirakis keys log(u)/w of the items not excluded. */
    private static List<Integer> scan(Set<Integer> exclude, int k, SplittableRandom random) {
        PriorityQueue<double[]> heap = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int d = 0; d < DOCS; d++) {
            double key = Math.log(random.nextDouble(Double.MIN_VALUE, 1.0)) / weight(d);
            if (!exclude.contains(d)) {
                heap.add(new double[] {key, d});
                if (heap.size() > k) {
                    heap.poll();
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        heap.forEach(e -> out.add((int) e[1]));
        return out;
    }

    @Test
    void drawsWithoutReplacementAsTheLinearScanDoes() {
        Set<Integer> exclude = Set.of(3, 16, 60, 145, 199);
        int k = 5;
        int n = 20_000;
        double[] sampled = new double[DOCS];
        double[] scanned = new double[DOCS];
        SplittableRandom a = new SplittableRandom(SEED);
        SplittableRandom b = new SplittableRandom(SEED + 1);
        for (int i = 0; i < n; i++) {
            for (int d : docs(TopicSampler.draw(TOPIC, exclude, k, a, 1_000))) {
                sampled[d] += 1.0 / n;
            }
            for (int d : scan(exclude, k, b)) {
                scanned[d] += 1.0 / n;
            }
        }
        for (int d = 0; d < DOCS; d++) {
            // inclusion probabilities up to 0.06, standard error of the difference below 0.0025
            assertThat(sampled[d]).as("doc " + d + ", seed " + SEED).isCloseTo(scanned[d],
                    org.assertj.core.data.Offset.offset(0.012));
        }
        for (int d : exclude) {
            assertThat(sampled[d]).isZero();
        }
    }

    @Test
    void neverRepeatsAnItemNorDrawsAnExcludedOne() {
        SplittableRandom random = new SplittableRandom(SEED);
        Set<Integer> exclude = Set.of(1, 2, 3);
        for (int i = 0; i < 200; i++) {
            List<Integer> drawn = docs(TopicSampler.draw(TOPIC, exclude, 40, random, 10_000));
            assertThat(drawn).hasSize(40).doesNotHaveDuplicates().doesNotContainAnyElementsOf(exclude);
        }
    }

    @Test
    void theSameSeedDrawsTheSameItemsInTheSameOrder() {
        List<Integer> a = docs(TopicSampler.draw(TOPIC, Set.of(7), 20, new SplittableRandom(SEED), 1_000));
        List<Integer> b = docs(TopicSampler.draw(TOPIC, Set.of(7), 20, new SplittableRandom(SEED), 1_000));
        List<Integer> c = docs(TopicSampler.draw(TOPIC, Set.of(7), 20, new SplittableRandom(SEED + 1), 1_000));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void givesUpWhenTheTopicHasTooFewItemsLeft() {
        Set<Integer> exclude = new HashSet<>();
        for (int d = 0; d < 195; d++) {
            exclude.add(d);
        }
        assertThat(TopicSampler.draw(TOPIC, exclude, 10, new SplittableRandom(SEED), 5_000)).isNull();
        assertThat(docs(TopicSampler.draw(TOPIC, exclude, 5, new SplittableRandom(SEED), 50_000)))
                .containsExactlyInAnyOrder(195, 196, 197, 198, 199);
    }

    @Test
    void theDrawnWeightIsTheItems() {
        for (TopicSampler.Drawn d : TopicSampler.draw(TOPIC, Set.of(), 30, new SplittableRandom(SEED), 1_000)) {
            assertThat(d.weight()).isEqualTo(weight(d.doc()));
        }
    }
}
