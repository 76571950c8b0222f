package io.ltrr.engine.ltr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.LoggedFeatures;
import io.ltrr.engine.store.ShownItem;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Features logged with an impression, labels from feedback, the SVMlight export, and versioned models. */
class FeatureLogTest {
    static final Instant T0 = Instant.parse("2025-03-01T10:15:30Z");
    @TempDir
    Path data;

    static double[] x(double rrf) {
        double[] x = new double[FeatureExtractor.NAMES.size()];
        x[FeatureExtractor.NAMES.indexOf("rrf")] = rrf;
        x[FeatureExtractor.NAMES.indexOf("item.popularity")] = 0.25;
        return x;
    }

    static String search(FeedbackStore store) {
        String id = store.searchLog().newSearchId();
        Selection sel = new Selection("uniform", 0, List.of("bm25"), Map.of("bm25", 10), Map.of("bm25", 1.0),
                Map.of("bm25", new ArmDiagnostics(0.5, 0.1, 0.5, 1)));
        List<ShownItem> shown = List.of(new ShownItem(1, "a", 0.2, Map.of("bm25", new ArmHit(1, 3.0))),
                new ShownItem(2, "b", 0.1, Map.of("bm25", new ArmHit(2, 2.0))),
                new ShownItem(3, "c", 0.05, Map.of("bm25", new ArmHit(3, 1.0))));
        store.searchLog().recordImpression(new Impression(id, T0, "ses-1", "u", "Love Song", "love song", Map.of(),
                new ContextVector(List.of("bias"), new double[] {1}), sel, shown));
        Map<String, double[]> rows = new LinkedHashMap<>();
        rows.put("a", x(0.5));
        rows.put("b", x(0.25));
        rows.put("c", x(0.125));
        store.featureLog().recordFeatures(id, FeatureExtractor.NAMES, rows);
        return id;
    }

    @Test
    void loggedRowsCarryNamesOnceAndLabelsFromClicksAndRatings() {
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            String s1 = search(store);
            String s2 = search(store);
            store.feedbackLog().recordClick(s1, "b", T0);
            store.feedbackLog().recordRating(s1, "c", 3, "ann", T0);
            store.feedbackLog().recordRating(s2, "a", null, "ann", T0);
            List<LoggedFeatures> rows = new ArrayList<>();
            store.featureLog().forEachLoggedFeatures(null, rows::add);

            assertThat(rows).hasSize(6);
            assertThat(rows).extracting(LoggedFeatures::featureSet).containsOnly(rows.getFirst().featureSet());
            assertThat(rows.getFirst().names()).isEqualTo(FeatureExtractor.NAMES);
            assertThat(rows).extracting(LoggedFeatures::label).containsExactly(0, 1, 3, 0, 0, 0);
            assertThat(rows.get(1).values()).containsExactly(x(0.25));
            List<LoggedFeatures> one = new ArrayList<>();
            store.featureLog().forEachLoggedFeatures(s2, one::add);
            assertThat(one).extracting(LoggedFeatures::searchId).containsOnly(s2);
        }
    }

    @Test
    void featuresOfAnItemNotShownAreRejected() {
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            String s1 = search(store);
            assertThatThrownBy(() -> store.featureLog().recordFeatures(s1, FeatureExtractor.NAMES, Map.of("zzz", x(1))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void svmLightLinesHaveLabelQidAndEveryFeatureNumberedFromOne() throws Exception {
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            String s1 = search(store);
            store.feedbackLog().recordClick(s1, "a", T0);
            StringWriter out = new StringWriter();
            SvmLightWriter.writeHeader(out);
            List<LoggedFeatures> rows = new ArrayList<>();
            store.featureLog().forEachLoggedFeatures(null, rows::add);
            for (LoggedFeatures r : rows) {
                SvmLightWriter.writeLine(out, RankingExample.of(r), r.searchId() + " " + r.itemId());
            }
            List<String> lines = out.toString().lines().toList();
            assertThat(lines.getFirst()).startsWith("# ");
            assertThat(lines.get(1)).isEqualTo("# 1 arm.bm25.hit");
            List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();
            assertThat(data).hasSize(3);
            int rrf = FeatureExtractor.NAMES.indexOf("rrf") + 1;
            int pop = FeatureExtractor.NAMES.indexOf("item.popularity") + 1;
            assertThat(data.getFirst()).startsWith("1 qid:1 1:0 2:0 3:0 ")
                    .contains(" " + rrf + ":0.5 ", " " + pop + ":0.25 ")
                    .endsWith(" " + FeatureExtractor.NAMES.size() + ":0 # s-1 a");
            assertThat(data.get(1)).startsWith("0 qid:1 ").endsWith("# s-1 b");
        }
    }

    @Test
    void rankerModelsAreVersionedInTheStore() {
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            PairwiseLinearRanker r = new PairwiseLinearRanker(null, 1);
            r.learnClicks(List.of(new RankingExample(1, "a", 1, x(0.1), 0, false),
                    new RankingExample(1, "b", 2, x(0.0), 1, true)));
            long v1 = store.learnedState().saveRankerState(r.id(), r.snapshot());
            r.learnClicks(List.of(new RankingExample(2, "a", 1, x(0.3), 0, false),
                    new RankingExample(2, "b", 2, x(0.2), 1, true)));
            long v2 = store.learnedState().saveRankerState(r.id(), r.snapshot());
            assertThat(v2).isEqualTo(v1 + 1);

            PairwiseLinearRanker restored = new PairwiseLinearRanker(null, 1);
            restored.restore(store.learnedState().latestRankerState(r.id()).orElseThrow().json());
            assertThat(restored.weights()).containsExactly(r.weights());
            assertThat(store.learnedState().latestRankerState(r.id()).orElseThrow().version()).isEqualTo(v2);
        }
    }
}
