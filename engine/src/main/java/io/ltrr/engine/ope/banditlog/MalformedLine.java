package io.ltrr.engine.ope.banditlog;

/**
 * A row of a bandit log that was left out.
 *
 * @param line   1-based line number in the file
 * @param reason what is wrong with it, one line
 */
public record MalformedLine(long line, String reason) {
}
