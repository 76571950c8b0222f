package io.ltrr.engine.qu;

import io.ltrr.engine.catalog.ItemType;
import java.util.Objects;

/**
 * One recognised part of a query: the tokens {@code [start, end)} read as a catalog value of a slot type.
 *
 * @param type       what the span stands for
 * @param value      the canonical value as the catalog spells it ("Trip Hop", "Taylor Swift"), or for
 *                   DECADE/YEAR/TYPE a readable label ("1990s", "2009", "station")
 * @param start      first query token of the span (inclusive)
 * @param end        end of the span (exclusive), greater than {@code start}
 * @param kind       how the span matched
 * @param similarity match quality in (0, 1]; 1 for an exact full match
 * @param yearFrom   first year for DECADE and YEAR slots, 0 otherwise
 * @param yearTo     last year (inclusive) for DECADE and YEAR slots, 0 otherwise
 * @param itemType   the item type a TYPE slot asks for, {@code null} for every other slot type
 */
public record Slot(SlotType type, String value, int start, int end, MatchKind kind, double similarity,
                   int yearFrom, int yearTo, ItemType itemType) {

    public Slot {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start < end, was [" + start + ", " + end + ")");
        }
        if (!(similarity > 0.0 && similarity <= 1.0)) {
            throw new IllegalArgumentException("similarity must be in (0, 1], was " + similarity);
        }
        if ((type == SlotType.TYPE) != (itemType != null)) {
            throw new IllegalArgumentException("itemType must be set exactly for TYPE slots, type was " + type);
        }
    }

    /** A slot matched against a dictionary phrase (artist, album, title, genre, style). */
    public static Slot phrase(SlotType type, String value, int start, int end, MatchKind kind, double similarity) {
        return new Slot(type, value, start, end, kind, similarity, 0, 0, null);
    }

    /** Number of query tokens the slot covers. */
    public int length() {
        return end - start;
    }

    /** E.g. {@code artist="Taylor Swift"} for an exact match, {@code artist≈"Taylor Swift"} otherwise. */
    public String describe() {
        String op = kind == MatchKind.EXACT ? "=" : "≈";
        return switch (type) {
            case DECADE, YEAR -> type.key() + op + (yearFrom == yearTo ? yearFrom : yearFrom + "–" + yearTo);
            case TYPE -> "type=" + itemType.key();
            default -> type.key() + op + '"' + value + '"';
        };
    }
}
