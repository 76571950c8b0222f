package io.ltrr.engine.store;

import java.util.function.Supplier;

/**
 * The store's unit of work: every call of a role interface is one transaction, and calls made inside
 * {@link #inTransaction} join that one transaction, so that several writes commit together or not at all.
 */
public interface Transactions {
    /** Runs the work as one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Supplier<T> work);

    /** As {@link #inTransaction(Supplier)}, for work without a result. */
    default void runInTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
