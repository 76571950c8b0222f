package io.ltrr.engine.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.qu.QueryNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class Q2ePredictorTest {

    @Test
    void theTestCatalogsPredictionsByQueryThenScore() {
        List<Q2ePredictor.Prediction> predictions = Q2ePredictor.predict(TestCatalogs.music());

        // by query text, each query's items by score (highest first), ties by item id
        assertThat(predictions).isSortedAccordingTo(Comparator.comparing(Q2ePredictor.Prediction::normalizedQuery)
                .thenComparing(Q2ePredictor.Prediction::score, Comparator.reverseOrder())
                .thenComparing(Q2ePredictor.Prediction::itemId));
        // "love song" names two tracks: the popular one first, each scaled by 0.5 + 0.5 popularity
        assertThat(predictions.stream().filter(p -> p.normalizedQuery().equals("love song")).toList())
                .extracting(Q2ePredictor.Prediction::itemId).containsExactly("t2", "t1");
        assertThat(score(predictions, "love song", "t2")).isCloseTo(0.6 * 0.95, within(1e-12));
        // (Val)liam the artist by its name (0.8) above its tracks under the artist's name (0.3)
        assertThat(predictions.stream().filter(p -> p.normalizedQuery().equals(new QueryNormalizer().normalize("(Val)liam").text())).toList())
                .extracting(Q2ePredictor.Prediction::itemId).containsExactly("a1", "t3", "t4", "t5");
        // a query naming one item: its own name with its artist, and a station's styles
        assertThat(score(predictions, "pearl taylor love song", "t2")).isCloseTo(0.9 * 0.95, within(1e-12));
        assertThat(score(predictions, "downtempo", "t8")).isNaN(); // a track's styles predict nothing
        assertThat(score(predictions, "trip hop", "s1")).isCloseTo(0.7 * 0.85, within(1e-12));
    }

    @Test
    void atMostTwentyItemsPerQueryTheBestKept() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(TestCatalogs.track(String.format("t%02d", i), "Track " + i, "Crowd", "Many", List.of(), 2000,
                    i / 30.0));
        }
        List<Q2ePredictor.Prediction> crowd = Q2ePredictor.predict(items).stream()
                .filter(p -> p.normalizedQuery().equals("crowd")).toList();

        assertThat(crowd).hasSize(Q2ePredictor.PER_QUERY);
        assertThat(crowd.getFirst().itemId()).isEqualTo("t29");
        assertThat(crowd.getLast().itemId()).isEqualTo("t10");
    }

    private static double score(List<Q2ePredictor.Prediction> predictions, String query, String item) {
        return predictions.stream().filter(p -> p.normalizedQuery().equals(query) && p.itemId().equals(item))
                .mapToDouble(Q2ePredictor.Prediction::score).findFirst().orElse(Double.NaN);
    }
}
