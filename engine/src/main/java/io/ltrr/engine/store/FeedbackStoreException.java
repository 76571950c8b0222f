package io.ltrr.engine.store;

/** The database failed underneath the feedback store (disk full, corrupt file, …); the operation did not commit. */
public class FeedbackStoreException extends RuntimeException {
    public FeedbackStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
