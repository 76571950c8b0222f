package io.ltrr.engine.ltr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LambdaMartRankerTest {
    static final long SEED = 7L;
    static final int A = FeatureExtractor.NAMES.indexOf("bm25.title");
    static final int B = FeatureExtractor.NAMES.indexOf("item.popularity");

    @BeforeAll
    static void nativeLibrary() {
        assumeTrue(LambdaMartRanker.available(), "XGBoost's native library does not load here");
    }

    static double[] x(double a, double b) {
        double[] x = new double[FeatureExtractor.NAMES.size()];
        x[A] = a;
        x[B] = b;
        return x;
    }

    /** Toy set: the label is 2 when both signals are high, 1 when one is, 0 otherwise (an interaction). */
    static List<RankingExample> toy() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<RankingExample> out = new ArrayList<>();
        for (int q = 0; q < 60; q++) {
            for (int i = 0; i < 10; i++) {
                double a = random.nextDouble();
                double b = random.nextDouble();
                int label = (a > 0.5 ? 1 : 0) + (b > 0.5 ? 1 : 0);
                out.add(new RankingExample(q, "d" + i, 0, x(a, b), label, false));
            }
        }
        return out;
    }

    @Test
    void trainsAndRanksAToySetByItsLabels() {
        LambdaMartRanker r = new LambdaMartRanker(null, SEED);
        var summary = r.train(toy());
        assertThat(summary.queries()).isEqualTo(60);
        double best = r.explainScore(x(0.9, 0.9)).value();
        double middle = r.explainScore(x(0.9, 0.1)).value();
        double worst = r.explainScore(x(0.1, 0.1)).value();
        assertThat(best).isGreaterThan(middle);
        assertThat(middle).isGreaterThan(worst);
    }

    @Test
    void shapContributionsSumToTheScore() {
        LambdaMartRanker r = new LambdaMartRanker(null, SEED);
        r.train(toy());
        ScoreExplanation e = r.explainScore(x(0.7, 0.2));
        double sum = e.details().stream().mapToDouble(ScoreExplanation::value).sum();
        assertThat(sum).isCloseTo(e.value(), within(1e-4));
        assertThat(e.details()).extracting(ScoreExplanation::description)
                .anyMatch(d -> d.startsWith("bm25.title"));
    }

    @Test
    void sameDataSameSeedSameModelAndSnapshotRoundTrips() {
        LambdaMartRanker a = new LambdaMartRanker(null, SEED);
        LambdaMartRanker b = new LambdaMartRanker(null, SEED);
        a.train(toy());
        b.train(toy());
        double[] probe = x(0.6, 0.4);
        assertThat(a.explainScore(probe).value()).isEqualTo(b.explainScore(probe).value());

        LambdaMartRanker restored = new LambdaMartRanker(null, SEED);
        restored.restore(a.snapshot());
        assertThat(restored.trained()).isTrue();
        assertThat(restored.explainScore(probe).value()).isEqualTo(a.explainScore(probe).value());
    }
}
