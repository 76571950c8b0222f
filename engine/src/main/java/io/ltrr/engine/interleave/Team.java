package io.ltrr.engine.interleave;

/** The side of an interleaved comparison an item was drafted by: ranker A or ranker B of a {@link RankerPair}. */
public enum Team {
    A,
    B;

    /** The one-letter code stored with an impression ("A", "B"). */
    public char code() {
        return name().charAt(0);
    }
}
