package io.ltrr.engine.retrieval;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.catalog.ItemType;
import java.util.List;

/** A small hand-made music catalog whose right answers are known. */
public final class TestCatalogs {
    private TestCatalogs() {
    }

    public static Item track(String id, String title, String artist, String album, List<String> styles, int year,
                             double popularity) {
        return new Item(id, ItemType.TRACK, title, artist, album, List.of("Electronic"), styles, year, "Label",
                200, popularity, "", "");
    }

    public static List<Item> music() {
        return List.of(
                track("t1", "Love Song", "Harvey Taylor", "Night Songs", List.of("Trip Hop"), 1998, 0.2),
                track("t2", "Love Song", "Pearl Taylor", "Grandbaby", List.of("Trip Hop"), 2005, 0.9),
                track("t3", "Orange Horizon", "(Val)liam", "Drift", List.of("Ambient"), 2010, 0.6),
                track("t4", "Dissolution", "(Val)liam", "Drift", List.of("Ambient"), 2010, 0.3),
                track("t5", "Avalon", "(Val)liam", "Drift", List.of("Ambient", "Chillout"), 2011, 0.1),
                track("t6", "Bass Weight", "Dub Unit", "Heavy", List.of("Dubstep"), 2012, 0.5),
                track("t7", "Quiet Morning", "Still Water", "Mornings", List.of("Ambient"), 2014, 0.05),
                track("t8", "Tokyo Rain", "Björk Fan Club", "Cities", List.of("Trip Hop", "Downtempo"), 2016, 0.4),
                new Item("a1", ItemType.ARTIST, "(Val)liam", "(Val)liam", "", List.of("Electronic"),
                        List.of("Ambient"), 2010, "", 0, 0.5, "", ""),
                new Item("s1", ItemType.STATION, "Trip Hop Radio", "", "", List.of("Electronic"),
                        List.of("Trip Hop"), 0, "", 0, 0.7, "", ""));
    }
}
