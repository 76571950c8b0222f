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
    void similarityMeasuresOnKnownPairs() {
        assertThat(QuerySimilarity.normalizedEditDistance("tayler swift", "taylor swift")).isEqualTo(1.0 / 12);
        assertThat(QuerySimilarity.jaccard(java.util.List.of("a", "b"), java.util.List.of("b", "c")))
                .isEqualTo(1.0 / 3);
        assertThat(QuerySimilarity.oneContainsTheOther(java.util.List.of("a"), java.util.List.of("b", "a"))).isTrue();
    }
}
