package io.ltrr.engine.io;

import java.io.IOException;

/**
 * A file that cannot be read at all (as opposed to single bad lines, which become {@link LoadProblem}s): a
 * directory where a file was expected, a corrupt or truncated gzip stream. The message names the file.
 */
public class MalformedFileException extends IOException {
    public MalformedFileException(String message) {
        super(message);
    }

    public MalformedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
