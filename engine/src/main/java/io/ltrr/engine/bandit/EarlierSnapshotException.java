package io.ltrr.engine.bandit;

/**
 * A snapshot of an earlier form of a policy whose learned state cannot carry over into the current form: the
 * context-free counts "epsilon-greedy" and "ucb1" kept before issue 23, which cannot be split by context. The live
 * loop rebuilds such a policy from the pulls in the log (each has its context), which is what the policy would have
 * learned had it had its current form all along.
 */
public final class EarlierSnapshotException extends IllegalArgumentException {
    public EarlierSnapshotException(String message) {
        super(message);
    }
}
