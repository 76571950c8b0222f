package io.ltrr.engine.sim;

/**
 * The click coins of one round: a uniform number in [0, 1) per item id, drawn from the
 * {@link RandomStreams#CLICKS} stream of (seed, round, item). The coin belongs to the item, not to its
 * position, so two policies that show the same item in the same round flip the same coin for it.
 */
public record ClickCoins(long seed, long round) {
    /** The item's coin this round. */
    public double coin(String itemId) {
        return RandomStreams.uniform(seed, round, RandomStreams.CLICKS, RandomStreams.key(itemId));
    }
}
