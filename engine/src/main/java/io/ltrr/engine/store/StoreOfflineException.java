package io.ltrr.engine.store;

/**
 * The store's server could not be reached (down, restarted, network cut): the operation was not acknowledged as
 * saved. The store reconnects by itself on the next call once the server answers again, so a caller may show the
 * store as offline and retry; the message is one line that names the server, never a password.
 */
public class StoreOfflineException extends FeedbackStoreException {
    public StoreOfflineException(String message, Throwable cause) {
        super(message, cause);
    }
}
