package io.ltrr.engine.qu;

/**
 * A possible slot for a query span with its unnormalized score (see {@link LikelihoodModel}).
 *
 * @param partial whether the span covers only part of the phrase (a fuzzy match may be partial too)
 */
record SlotCandidate(Slot slot, double score, boolean partial) {
}
