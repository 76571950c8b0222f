package io.ltrr.engine.qu;

/**
 * How a query span matched a catalog phrase.
 * <ul>
 *   <li>{@code EXACT}: every phrase token equals a query token (or a rule such as "90s" fired);</li>
 *   <li>{@code PREFIX}: the last query token is the beginning of the phrase's last matched token
 *       (the user is still typing);</li>
 *   <li>{@code PARTIAL}: the span equals only part of the phrase (a surname, one word of a style);</li>
 *   <li>{@code FUZZY}: at least one token matched within a small edit distance (a typo).</li>
 * </ul>
 */
public enum MatchKind {
    EXACT, PREFIX, PARTIAL, FUZZY
}
