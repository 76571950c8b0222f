package io.ltrr.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.CandidateList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListOverlapTest {
    @TempDir
    Path dir;

    @Test
    void jaccardAtKComparesTheTopKSets() {
        // top 3: {a,b,c} vs {b,a,d}: intersection 2, union 4.
        assertThat(ListOverlap.jaccardAt(List.of("a", "b", "c", "x"), List.of("b", "a", "d", "c"), 3)).isEqualTo(0.5);
        assertThat(ListOverlap.jaccardAt(List.of(), List.of(), 10)).isEqualTo(1.0);
    }

    /**
     * A = [a,b,c], B = [b,a,d], p = 0.9: X_1 = 0, X_2 = 2, X_3 = 2.
     * Σ X_d/d p^d = 0 + 1·0.81 + (2/3)·0.729 = 1.296; (1−p)/p · 1.296 = 0.144; plus (X_3/3)·p³ = 0.486 → 0.630.
     */
    @Test
    void rboMatchesAHandComputedValue() {
        assertThat(ListOverlap.rbo(List.of("a", "b", "c"), List.of("b", "a", "d"), 0.9)).isCloseTo(0.630, within(1e-12));
    }

    /**
     * S = [a], L = [a,b], p = 0.5 (s = 1, l = 2): X_1 = 1, X_2 = 1.
     * Σ_{d≤2} X_d/d p^d = 0.5 + 0.125 = 0.625; Σ_{d=2} X_s(d−s)/(s d) p^d = 1·1/2·0.25 = 0.125; (1−p)/p = 1 → 0.75;
     * plus ((X_2 − X_1)/2 + X_1/1)·p² = 0.25 → 1.0: a prefix agrees completely as far as it goes.
     */
    @Test
    void rboExtrapolatesUnevenLists() {
        assertThat(ListOverlap.rbo(List.of("a"), List.of("a", "b"), 0.5)).isCloseTo(1.0, within(1e-12));
        assertThat(ListOverlap.rbo(List.of("a", "b"), List.of("a"), 0.5)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void rboIsOneForIdenticalZeroForDisjointAndSymmetric() {
        List<String> a = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        List<String> b = List.of("2", "1", "4", "3", "99", "6", "5");
        assertThat(ListOverlap.rbo(a, a, 0.9)).isCloseTo(1.0, within(1e-12));
        assertThat(ListOverlap.rbo(a, List.of("x", "y"), 0.9)).isZero();
        assertThat(ListOverlap.rbo(a, b, 0.9)).isCloseTo(ListOverlap.rbo(b, a, 0.9), within(1e-12)).isBetween(0.0, 1.0);
        assertThat(ListOverlap.rbo(List.of(), List.of(), 0.9)).isEqualTo(1.0);
        assertThat(ListOverlap.rbo(List.of(), a, 0.9)).isZero();
    }

    @Test
    void rankChangesSayUpDownSameNewAndGone() {
        List<RankChange> changes = ListOverlap.rankChanges(List.of("a", "b", "c", "d"), List.of("b", "a", "c", "e"));
        assertThat(changes).containsExactly(
                new RankChange("b", 2, 1, RankChange.Kind.UP),
                new RankChange("a", 1, 2, RankChange.Kind.DOWN),
                new RankChange("c", 3, 3, RankChange.Kind.SAME),
                new RankChange("e", null, 4, RankChange.Kind.NEW),
                new RankChange("d", 4, null, RankChange.Kind.GONE));
        assertThat(changes.getFirst().delta()).isEqualTo(1);
    }

    @Test
    void snapshotsRoundTripAndDiffPerQueryWithMeans() throws Exception {
        Snapshot a = new Snapshot("before", Map.of("arms", "bm25"), "2025-03-01T10:00:00Z", List.of(
                new Snapshot.QueryResults("taylor swift", List.of(new Snapshot.Result("a", 3), new Snapshot.Result("b", 2))),
                new Snapshot.QueryResults("jazz", List.of(new Snapshot.Result("j", 1))),
                new Snapshot.QueryResults("only a", List.of())));
        Snapshot b = new Snapshot("after", Map.of("arms", "dense"), "2025-03-02T10:00:00Z", List.of(
                new Snapshot.QueryResults("jazz", List.of(new Snapshot.Result("k", 1))),
                new Snapshot.QueryResults("taylor swift", List.of(new Snapshot.Result("a", 5), new Snapshot.Result("b", 4)))));
        Path file = dir.resolve("a.json");
        SnapshotFiles.write(a, file);
        assertThat(SnapshotFiles.read(file)).isEqualTo(a);

        SnapshotDiff d = SnapshotDiff.of(a, b, 10, 0.9);
        assertThat(d.queries()).extracting(SnapshotDiff.QueryDiff::query).containsExactly("taylor swift", "jazz");
        assertThat(d.queries().getFirst().rbo()).isCloseTo(1.0, within(1e-12));
        assertThat(d.queries().get(1).jaccard()).isZero();
        assertThat(d.onlyInA()).containsExactly("only a");
        assertThat(d.onlyInB()).isEmpty();
        assertThat(d.meanJaccard()).isEqualTo(0.5);
        assertThat(d.meanRbo()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void severalArmsAreFusedByPlainReciprocalRank() {
        CandidateList x = new CandidateList("x", List.of(new Candidate("a", 1, 9), new Candidate("b", 2, 8)), "");
        CandidateList y = new CandidateList("y", List.of(new Candidate("b", 1, 5), new Candidate("c", 2, 4)), "");
        // b: 1/62 + 1/61 beats a: 1/61, which beats c: 1/62.
        assertThat(SnapshotTaker.fuse(List.of(x, y), 10)).extracting(Snapshot.Result::itemId).containsExactly("b", "a", "c");
        assertThat(SnapshotTaker.fuse(List.of(x), 1)).containsExactly(new Snapshot.Result("a", 9));
    }
}
