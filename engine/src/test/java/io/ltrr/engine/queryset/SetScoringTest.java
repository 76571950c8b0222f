package io.ltrr.engine.queryset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.api.QueryScore;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.store.Judgment;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetScoringTest {
    private final SetScoring scoring = new SetScoring(List.of(
            new Judgment("jazz", "a", 3, "own"), new Judgment("jazz", "b", 0, "own"),
            new Judgment("jazz", "c", 1, "own"), new Judgment("jazz", "c", 0, "other")),
            q -> q.toLowerCase(Locale.ROOT));

    @Test
    void scoresMatchTheHandComputedFigures() {
        QueryScore s = scoring.score("JAZZ", List.of("x", "a", "c", "b", "y"));

        // DCG = 3/log2(3) + 1/log2(4) = 2.3928; ideal = 3/1 + 1/log2(3) = 3.6309.
        assertThat(s.ndcg()).isCloseTo(0.6590018, within(1e-6));
        assertThat(s.precision()).isEqualTo(0.2);
        assertThat(s.mrr()).isEqualTo(0.5);
        assertThat(s.unjudgedItems()).containsExactly("x", "y");
        assertThat(s.relevantJudged()).isTrue();
    }

    @Test
    void onlyTheTopTenCountAndARepeatedItemCountsOnce() {
        QueryScore s = scoring.score("jazz", List.of("a", "a", "1", "2", "3", "4", "5", "6", "7", "8", "9", "c"));

        assertThat(s.results()).hasSize(10).doesNotHaveDuplicates();
        assertThat(s.precision()).isEqualTo(0.1);
        assertThat(s.unjudged()).isEqualTo(9);
    }

    @Test
    void queriesWithoutARelevantJudgmentAreLeftOutOfTheMeans() {
        QuerySetScores set = scoring.score("s", "own", List.of("jazz", "rock"),
                Map.of("jazz", List.of("a"), "rock", List.of("z")));

        assertThat(set.queries()).extracting(QueryScore::relevantJudged).containsExactly(true, false);
        assertThat(set.meanMrr()).isEqualTo(1.0);
        assertThat(set.meanPrecision()).isEqualTo(0.1);
        assertThat(set.judgedQueries()).isEqualTo(1);
        assertThat(set.unjudged()).isEqualTo(1);
    }

    @Test
    void theHigherGradeOfAPairJudgedTwiceCounts() {
        assertThat(scoring.grades("jazz")).containsEntry("c", 1).containsEntry("a", 3);
    }

    @Test
    void aSetWithNoJudgedQueryHasUndefinedMeans() {
        QuerySetScores set = scoring.score("s", "own", List.of("rock"), Map.of());
        assertThat(set.meanNdcg()).isNaN();
        assertThat(set.queries().getFirst().results()).isEmpty();
    }
}
