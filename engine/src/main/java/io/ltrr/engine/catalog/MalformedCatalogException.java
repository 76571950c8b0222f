package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.MalformedFileException;

/**
 * A catalog file that cannot be read at all (as opposed to single bad rows, which become {@link LoadProblem}s):
 * a missing required column, an unreadable header, a corrupt gzip stream. The message names the file and what to fix.
 */
public class MalformedCatalogException extends MalformedFileException {
    public MalformedCatalogException(String message) {
        super(message);
    }

    public MalformedCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
