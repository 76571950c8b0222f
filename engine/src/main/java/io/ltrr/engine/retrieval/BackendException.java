package io.ltrr.engine.retrieval;

/**
 * A retrieval backend could not answer: unreachable, timed out, refused the credentials, has no such index, or an
 * index the workbench did not write. The message is one line that says what and what to do, with no secret in it.
 */
public class BackendException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
