package io.ltrr.engine.live;

import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.ltr.FeatureMatrix;
import io.ltrr.engine.ltr.FeatureRanker;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import java.util.List;
import java.util.Optional;

/**
 * One round's ranking: ranks with the given ranker and keeps the features it extracted, so they travel with this
 * round to its impression (features are extracted whatever ranks, so the log has them for training any ranker
 * later). One instance per round; not shared.
 */
final class RoundRanking implements Ranker {
    private final Ranker ranker;
    private final FeatureExtractor extractor;
    private final List<String> warnings;
    private FeatureMatrix features;

    RoundRanking(Ranker ranker, FeatureExtractor extractor) {
        this(ranker, extractor, List.of());
    }

    /** @param warnings why this round is not ranked as asked (a fallback), one sentence each */
    RoundRanking(Ranker ranker, FeatureExtractor extractor, List<String> warnings) {
        this.ranker = ranker;
        this.extractor = extractor;
        this.warnings = List.copyOf(warnings);
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
}
