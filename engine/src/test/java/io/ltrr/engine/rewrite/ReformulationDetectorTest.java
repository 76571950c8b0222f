package io.ltrr.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.store.Reformulation;
import io.ltrr.engine.store.SessionSearch;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReformulationDetectorTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    final ReformulationDetector detector = new ReformulationDetector(ReformulationConfig.defaults());

    private static SessionSearch search(String id, String session, long secondsAfter, String q, long clicks) {
        return new SessionSearch(id, session, "u1", T0.plusSeconds(secondsAfter), q, clicks);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            typo fix                     | tayler swift      | 0  | ses-1 | taylor swift             | 20  | edit
            added artist                 | love story        | 0  | ses-1 | taylor swift love story  | 30  | contains
            dropped a word               | avalon drift live | 0  | ses-1 | avalon drift             | 30  | contains
            word overlap                 | dub unit heavy remastered | 0 | ses-1 | dub unit bass weight | 30 | overlap
            unrelated query              | jazz piano        | 0  | ses-1 | metallica                | 30  | -
            too late (6 min)             | tayler swift      | 0  | ses-1 | taylor swift             | 360 | -
            at the window's edge (5 min) | tayler swift      | 0  | ses-1 | taylor swift             | 300 | edit
            clicked first query          | tayler swift      | 1  | ses-1 | taylor swift             | 20  | -
            other session                | tayler swift      | 0  | ses-2 | taylor swift             | 20  | -
            same query again             | taylor swift      | 0  | ses-1 | taylor swift             | 20  | -
            swapped letters              | tyalor swfit      | 0  | ses-1 | taylor swift             | 20  | edit
            unfinished last word         | massive att       | 0  | ses-1 | massive attack           | 15  | prefix
            unfinished single word       | port              | 0  | ses-1 | portishead               | 15  | prefix
            finished and extended        | portis            | 0  | ses-1 | portishead glory box     | 15  | prefix
            prefix of another word only  | glory por         | 0  | ses-1 | portishead glory box     | 15  | -
            two letters are no prefix    | po                | 0  | ses-1 | portishead               | 15  | -
            """)
    void detectsReformulations(String caseName, String from, long fromClicks, String toSession, String to,
                               long seconds, String expected) {
        Optional<Reformulation> r = detector.detect(search("s-1", "ses-1", 0, from, fromClicks),
                search("s-2", toSession, seconds, to, 0), false);
        if (expected.equals("-")) {
            assertThat(r).as(caseName).isEmpty();
        } else {
            assertThat(r).as(caseName).isPresent();
            assertThat(r.get().relation()).isEqualTo(expected);
            assertThat(r.get().fromQuery()).isEqualTo(from);
            assertThat(r.get().toQuery()).isEqualTo(to);
            assertThat(r.get().gap().toSeconds()).isEqualTo(seconds);
            assertThat(r.get().succeeded()).isFalse();
        }
    }

    @Test
    void theWindowIsConfigurable() {
        ReformulationDetector strict = new ReformulationDetector(
                ReformulationConfig.defaults().withWindow(java.time.Duration.ofSeconds(10)));
        assertThat(strict.detect(search("s-1", "ses-1", 0, "tayler swift", 0),
                search("s-2", "ses-1", 20, "taylor swift", 0), false)).isEmpty();
    }

    @Test
    void queriesCloseInMeaningAreRelatedOnlyWithAnEmbedder() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        SemanticSimilarity fake = (a, b) -> {
            asked.add(a + " -> " + b);
            return a.equals("sad songs") && b.equals("melancholy ballads") ? 0.8 : 0.2;
        };
        ReformulationDetector withModel = new ReformulationDetector(ReformulationConfig.defaults(), fake);
        assertThat(withModel.relation("sad songs", "melancholy ballads")).contains(ReformulationDetector.SEMANTIC);
        assertThat(withModel.relation("jazz piano", "metallica")).isEmpty();
        assertThat(detector.relation("sad songs", "melancholy ballads")).as("lexical tests alone").isEmpty();
        asked.clear();
        assertThat(withModel.relation("tayler swift", "taylor swift")).contains(ReformulationDetector.TYPO);
        assertThat(asked).as("the embedder is asked only when the lexical tests find nothing").isEmpty();
    }

    @Test
    void theSemanticThresholdIsTheConfigs() {
        SemanticSimilarity at = (a, b) -> 0.75;
        SemanticSimilarity below = (a, b) -> 0.7499;
        assertThat(new ReformulationDetector(ReformulationConfig.defaults(), at).relation("sad songs", "blue ballads"))
                .contains(ReformulationDetector.SEMANTIC);
        assertThat(new ReformulationDetector(ReformulationConfig.defaults(), below).relation("sad songs",
                "blue ballads")).isEmpty();
    }

    @Test
    void cosineOfEmbeddings() {
        assertThat(QuerySimilarity.cosine(new float[] {1, 0}, new float[] {0, 2})).isEqualTo(0.0);
        assertThat(QuerySimilarity.cosine(new float[] {1, 1}, new float[] {2, 2})).isCloseTo(1.0,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(QuerySimilarity.cosine(new float[] {0, 0}, new float[] {1, 2})).isEqualTo(0.0);
        SemanticSimilarity s = SemanticSimilarity.of(() -> new io.ltrr.engine.embed.TextEmbedder() {
            public String modelId() {
                return "fake";
            }

            public int dimension() {
                return 2;
            }

            public float[] embed(String text) {
                return text.startsWith("a") ? new float[] {1, 0} : new float[] {0.6f, 0.8f};
            }

            public java.util.List<float[]> embedAll(java.util.List<String> texts) {
                return texts.stream().map(this::embed).toList();
            }
        });
        assertThat(s.similarity("abc", "bcd")).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void similarityMeasuresOnKnownPairs() {
        assertThat(QuerySimilarity.normalizedEditDistance("tayler swift", "taylor swift")).isEqualTo(1.0 / 12);
        assertThat(QuerySimilarity.normalizedEditDistance("tyalor swfit", "taylor swift")).as("two transpositions")
                .isEqualTo(2.0 / 12);
        assertThat(QuerySimilarity.unfinishedPrefix(java.util.List.of("massive", "att"),
                java.util.List.of("massive", "attack"))).isTrue();
        assertThat(QuerySimilarity.unfinishedPrefix(java.util.List.of("massive", "attack"),
                java.util.List.of("massive", "attack"))).as("finished").isFalse();
        assertThat(QuerySimilarity.jaccard(java.util.List.of("a", "b"), java.util.List.of("b", "c")))
                .isEqualTo(1.0 / 3);
        assertThat(QuerySimilarity.oneContainsTheOther(java.util.List.of("a"), java.util.List.of("b", "a"))).isTrue();
    }
}
