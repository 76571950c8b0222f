package io.ltrr.engine.qu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides entity / topical / ambiguous from the interpretations and derives the named QU features.
 *
 * <p>Entity mass = Σ likelihood × (share of tokens covered by artist/album/title slots); topical mass the
 * same for genre/style/decade/year/type slots. Topical when the topical mass reaches one half; otherwise a
 * single token that occurs in many catalog phrases ("love", "night") or that is read as more than one slot
 * type (a title and a style) is ambiguous whatever it matched; otherwise entity when the entity mass
 * reaches one half; everything else is ambiguous.
 */
final class QueryTypeClassifier {

    /** Mass a query type needs to be chosen. */
    static final double DECISIVE_MASS = 0.5;
    /** A single token found in at least this many catalog phrases is a common word. */
    static final int COMMON_WORD_PHRASES = 10;

    /** The query type for an analysis. */
    QueryType classify(List<String> tokens, List<Interpretation> interpretations, int singleTokenPhraseFrequency) {
        if (tokens.isEmpty()) {
            return QueryType.AMBIGUOUS;
        }
        if (mass(interpretations, tokens.size(), false) >= DECISIVE_MASS) {
            return QueryType.TOPICAL;
        }
        if (tokens.size() == 1 && (singleTokenPhraseFrequency >= COMMON_WORD_PHRASES
                || interpretations.stream().flatMap(i -> i.slots().stream()).map(Slot::type).distinct().count() > 1)) {
            return QueryType.AMBIGUOUS;
        }
        if (mass(interpretations, tokens.size(), true) >= DECISIVE_MASS) {
            return QueryType.ENTITY;
        }
        return QueryType.AMBIGUOUS;
    }

    /**
     * Named features in a stable order. The {@code qu.has_*} features are probabilities: the summed
     * likelihood of the interpretations holding such a slot, so a doubtful artist reading gives 0.3, not 1.
     */
    Map<String, Double> features(List<String> tokens, List<Interpretation> interpretations, QueryType type) {
        Map<String, Double> f = new LinkedHashMap<>();
        Interpretation top = interpretations.getFirst();
        f.put("qu.tokens", (double) tokens.size());
        f.put("qu.confidence", top.likelihood());
        f.put("qu.interpretations", (double) interpretations.size());
        f.put("qu.type.entity", type == QueryType.ENTITY ? 1.0 : 0.0);
        f.put("qu.type.topical", type == QueryType.TOPICAL ? 1.0 : 0.0);
        f.put("qu.type.ambiguous", type == QueryType.AMBIGUOUS ? 1.0 : 0.0);
        f.put("qu.entity_mass", mass(interpretations, tokens.size(), true));
        f.put("qu.topical_mass", mass(interpretations, tokens.size(), false));
        f.put("qu.has_artist", probability(interpretations, SlotType.ARTIST));
        f.put("qu.has_album", probability(interpretations, SlotType.ALBUM));
        f.put("qu.has_title", probability(interpretations, SlotType.TITLE));
        f.put("qu.has_genre", probability(interpretations, SlotType.GENRE));
        f.put("qu.has_style", probability(interpretations, SlotType.STYLE));
        f.put("qu.has_decade", probability(interpretations, SlotType.DECADE) + probability(interpretations, SlotType.YEAR));
        f.put("qu.has_type", probability(interpretations, SlotType.TYPE));
        f.put("qu.fuzzy", interpretations.stream()
                .filter(i -> i.slots().stream().anyMatch(s -> s.kind() == MatchKind.FUZZY))
                .mapToDouble(Interpretation::likelihood).sum());
        f.put("qu.coverage", tokens.isEmpty() ? 0.0
                : top.slots().stream().mapToInt(Slot::length).sum() / (double) tokens.size());
        return f;
    }

    private static double mass(List<Interpretation> interpretations, int tokenCount, boolean entity) {
        if (tokenCount == 0) {
            return 0.0;
        }
        double mass = 0.0;
        for (Interpretation i : interpretations) {
            int covered = i.slots().stream().filter(s -> s.type().isEntity() == entity).mapToInt(Slot::length).sum();
            mass += i.likelihood() * covered / tokenCount;
        }
        return Math.min(1.0, mass);
    }

    private static double probability(List<Interpretation> interpretations, SlotType type) {
        return Math.min(1.0, interpretations.stream()
                .filter(i -> i.slotTypes().contains(type))
                .mapToDouble(Interpretation::likelihood).sum());
    }
}
