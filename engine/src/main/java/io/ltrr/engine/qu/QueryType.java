package io.ltrr.engine.qu;

/** The kind of need a query most likely expresses. */
public enum QueryType {
    /** A known artist, album or title, named (nearly) in full. */
    ENTITY,
    /** A description: genre, style, decade, year or item type words dominate. */
    TOPICAL,
    /** A single common word, unknown words, or competing interpretations without a clear winner. */
    AMBIGUOUS
}
