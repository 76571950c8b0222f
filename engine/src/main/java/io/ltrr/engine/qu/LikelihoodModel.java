package io.ltrr.engine.qu;

/**
 * The numbers behind interpretation likelihoods, kept in one place so that they can be read and tuned
 * together. See {@link CatalogTagger} for the model as a whole.
 */
final class LikelihoodModel {

    /**
     * Weight of one catalog word read as a free title/text word. Below every good slot score, so
     * recognising a phrase beats leaving it free, but above weak fuzzy or partial matches.
     */
    static final double FREE_TOKEN = 0.3;
    /**
     * Weight of a free word no catalog phrase contains: searching it as text finds little, so a typo
     * reading of it ("tayler" → "Taylor") deserves more credit.
     */
    static final double FREE_UNKNOWN_TOKEN = 0.15;
    /** A span covering only part of a phrase is a weaker clue than the whole phrase. */
    static final double PARTIAL_DISCOUNT = 0.8;

    private LikelihoodModel() {
    }

    /**
     * How likely a user means this slot type when the words fit, before looking at the entity. Titles are
     * lowest: any word can be part of a title, and free text already searches titles.
     */
    static double typePrior(SlotType type) {
        return switch (type) {
            case ARTIST, GENRE, STYLE, TYPE -> 0.9;
            case DECADE -> 0.95;
            case YEAR -> 0.8;
            case ALBUM -> 0.7;
            case TITLE -> 0.6;
        };
    }

    /**
     * Prior of one catalog phrase in [0.5, 1]: half fixed (every known phrase is plausible), a quarter from
     * the best popularity of the items carrying it, a quarter from how often it occurs relative to the most
     * frequent phrase of its slot type (log scale, so a style on 200 albums is not 200 times likelier).
     */
    static double phrasePrior(double maxPopularity, int count, int maxCount) {
        double frequency = maxCount <= 1 ? 1.0 : Math.log1p(count) / Math.log1p(maxCount);
        return 0.5 + 0.25 * clamp01(maxPopularity) + 0.25 * clamp01(frequency);
    }

    /** The score of one slot: similarity × type prior × phrase prior. */
    static double slotScore(Slot slot, double phrasePrior) {
        return slot.similarity() * typePrior(slot.type()) * phrasePrior;
    }

    /** The weight of one free token, depending on whether the catalog knows the word. */
    static double freeToken(boolean knownWord) {
        return knownWord ? FREE_TOKEN : FREE_UNKNOWN_TOKEN;
    }

    /**
     * Similarity of a span matched against a phrase: the character-weighted token similarity; for a
     * partial match also × {@link #PARTIAL_DISCOUNT} × √(share of the phrase's words covered), so "taylor"
     * for "Harvey Taylor" counts, but less than the full name.
     */
    static double spanSimilarity(double weightedTokenSimilarity, int matchedChars, int matchedTokens, int phraseTokens) {
        double quality = weightedTokenSimilarity / matchedChars;
        if (matchedTokens >= phraseTokens) {
            return Math.min(1.0, quality);
        }
        return Math.min(1.0, quality * PARTIAL_DISCOUNT * Math.sqrt((double) matchedTokens / phraseTokens));
    }

    private static double clamp01(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
