package io.ltrr.engine.io;

/**
 * A row that could not be loaded.
 *
 * @param file   the file it came from
 * @param line   1-based line number in that file (the first line of a multi-line CSV record)
 * @param reason what is wrong, in words a user can act on
 */
public record LoadProblem(String file, long line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
