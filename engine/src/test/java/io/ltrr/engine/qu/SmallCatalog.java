package io.ltrr.engine.qu;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.catalog.ItemType;
import java.util.ArrayList;
import java.util.List;

/** A hand-made catalog small enough to reason about in tests. */
final class SmallCatalog {

    private SmallCatalog() {
    }

    static List<Item> items() {
        List<Item> items = new ArrayList<>();
        items.add(artist("Taylor Swift", 0.9));
        items.add(artist("Harvey Taylor", 0.3));
        items.add(artist("Massive Attack", 0.8));
        items.add(artist("Portishead", 0.7));
        items.add(artist("Aphex Twin", 0.8));
        items.add(track("t1", "Love Story", "Taylor Swift", "Fearless", "Pop", "Love Songs", 2008, 0.9));
        items.add(track("t2", "Love", "Harvey Taylor", "Blue Hours", "Jazz", "Ambient", 2009, 0.2));
        items.add(track("t3", "Teardrop", "Massive Attack", "Mezzanine", "Electronic", "Trip Hop", 1998, 0.8));
        items.add(track("t4", "Glory Box", "Portishead", "Dummy", "Electronic", "Trip Hop", 1994, 0.7));
        items.add(track("t5", "Xtal", "Aphex Twin", "Selected Ambient Works 85-92", "Electronic", "Ambient", 1992, 0.6));
        items.add(track("t6", "Avril 14th", "Aphex Twin", "Drukqs", "Electronic", "IDM", 2001, 0.6));
        items.add(track("t7", "Shake It Off", "Taylor Swift", "1989", "Pop", "Synth-pop", 2014, 0.9));
        items.add(album("a1", "Mezzanine", "Massive Attack", "Trip Hop", 1998));
        items.add(album("a2", "Selected Ambient Works 85-92", "Aphex Twin", "Ambient", 1992));
        items.add(new Item("s1", ItemType.STATION, "Trip Hop Radio", "", "", List.of("Electronic"), List.of("Trip Hop"),
                0, "", 0, 0.5, "", ""));
        items.add(new Item("s2", ItemType.STATION, "Ambient Radio", "", "", List.of("Electronic"), List.of("Ambient"),
                0, "", 0, 0.5, "", ""));
        return items;
    }

    private static Item artist(String name, double popularity) {
        return new Item("artist:" + name, ItemType.ARTIST, name, name, "", List.of(), List.of(), 0, "", 0, popularity, "", "");
    }

    private static Item track(String id, String title, String artist, String album, String genre, String style,
                              int year, double popularity) {
        return new Item(id, ItemType.TRACK, title, artist, album, List.of(genre), List.of(style), year, "", 200,
                popularity, "", "");
    }

    private static Item album(String id, String title, String artist, String style, int year) {
        return new Item(id, ItemType.ALBUM, title, artist, title, List.of("Electronic"), List.of(style), year, "", 0,
                0.7, "", "");
    }
}
