package io.ltrr.engine.live;

import io.ltrr.engine.interleave.ShownTeams;
import io.ltrr.engine.interleave.TeamDraftRanker;
import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.ltr.FeatureMatrix;
import io.ltrr.engine.ltr.FeatureRanker;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One round's ranking: ranks with the given ranker — or interleaves two by team draft — and keeps the features it
 * extracted, so they travel with this round to its impression (features are extracted whatever ranks, so the log
 * has them for training any ranker later; interleaved rankers share them). One instance per round; not shared.
 */
final class RoundRanking implements Ranker {
    private final Ranker ranker;
    private final FeatureExtractor extractor;
    private final List<String> warnings;
    /** The team draft that ranks an interleaved round, else null. */
    private final TeamDraftRanker draft;
    private FeatureMatrix features;

    RoundRanking(Ranker ranker, FeatureExtractor extractor) {
        this(ranker, extractor, List.of());
    }

    /** @param warnings why this round is not ranked as asked (a fallback), one sentence each */
    RoundRanking(Ranker ranker, FeatureExtractor extractor, List<String> warnings) {
        this.ranker = ranker;
        this.extractor = extractor;
        this.warnings = List.copyOf(warnings);
        this.draft = null;
    }

    private RoundRanking(Ranker a, Ranker b, FeatureExtractor extractor, RandomGenerator coins) {
        this.extractor = extractor;
        this.warnings = List.of();
        this.draft = new TeamDraftRanker(withRoundFeatures(a), withRoundFeatures(b), coins);
        this.ranker = draft;
    }

    /** A round whose page interleaves the rankings of {@code a} (team A) and {@code b} (team B). */
    static RoundRanking interleaved(Ranker a, Ranker b, FeatureExtractor extractor, RandomGenerator coins) {
        return new RoundRanking(a, b, extractor, coins);
    }

    /** Why this round is not ranked by the ranker that was asked for; empty when it is. */
    List<String> warnings() {
        return warnings;
    }

    @Override
    public String id() {
        return ranker.id();
    }

    @Override
    public List<RankedItem> rank(RankingInput input, int n) {
        features = extractor.extract(input);
        return ranker instanceof FeatureRanker f ? f.rank(input, features, n) : ranker.rank(input, n);
    }

    /** The features of the round's candidates, once it was ranked. */
    Optional<FeatureMatrix> features() {
        return Optional.ofNullable(features);
    }

    /** The teams of the shown page of an interleaved round, once it was ranked; empty for one ranker's round. */
    Optional<ShownTeams> teams(List<RankedItem> shown) {
        return Optional.ofNullable(draft).map(d -> ShownTeams.of(d.rankers(),
                shown.stream().map(RankedItem::itemId).toList(), d.teams()));
    }

    /** The ranker, ranking with this round's features when it ranks by features. */
    private Ranker withRoundFeatures(Ranker r) {
        if (!(r instanceof FeatureRanker f)) {
            return r;
        }
        return new Ranker() {
            @Override
            public String id() {
                return f.id();
            }

            @Override
            public List<RankedItem> rank(RankingInput input, int n) {
                return f.rank(input, features, n);
            }
        };
    }
}
