package io.ltrr.app.gui;

import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.catalog.ItemType;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A real workbench on a ten-item catalog without embeddings, and a fixed clock: fast and deterministic. */
final class GuiFixtures {
    static final Clock NOON = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    private GuiFixtures() {
    }

    static List<Item> catalog() {
        return List.of(
                track("t1", "Love Song", "Harvey Taylor", "Night Songs", "Trip Hop", 1998, 0.2),
                track("t2", "Love Song", "Pearl Taylor", "Grandbaby", "Trip Hop", 2005, 0.9),
                track("t3", "Orange Horizon", "Valliam", "Drift", "Ambient", 2010, 0.6),
                track("t4", "Dissolution", "Valliam", "Drift", "Ambient", 2010, 0.3),
                track("t5", "Avalon", "Valliam", "Drift", "Chillout", 2011, 0.1),
                track("t6", "Bass Weight", "Dub Unit", "Heavy", "Dubstep", 2012, 0.5),
                track("t7", "Quiet Morning", "Still Water", "Mornings", "Ambient", 2014, 0.05),
                track("t8", "Tokyo Rain", "Cities Club", "Cities", "Downtempo", 2016, 0.4),
                new Item("a1", ItemType.ARTIST, "Valliam", "Valliam", "", List.of("Electronic"), List.of("Ambient"),
                        2010, "", 0, 0.5, "", ""),
                new Item("s1", ItemType.STATION, "Trip Hop Radio", "", "", List.of("Electronic"), List.of("Trip Hop"),
                        0, "", 0, 0.7, "", ""));
    }

    private static Item track(String id, String title, String artist, String album, String style, int year,
                              double popularity) {
        return new Item(id, ItemType.TRACK, title, artist, album, List.of("Electronic"), List.of(style), year,
                "Label", 200, popularity, "", "");
    }

    /** A workbench on a fresh data folder under {@code dir}; indexed unless {@code indexed} is false. */
    static Workbench workbench(Path dir, boolean indexed) throws IOException {
        return workbench(dir, indexed, false);
    }

    /** With {@code embeddings}, the index wants sentence vectors (the real model embeds the small catalog). */
    static Workbench workbench(Path dir, boolean indexed, boolean embeddings) throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        SampleCatalogWriter.write(catalog(), catalog);
        WorkbenchConfig config = new WorkbenchConfig(dir.resolve("data"), CatalogSource.of(catalog),
                new IndexSettings(AnalyzerKind.FOLDING, embeddings), ArmSettings.music(), 7L);
        Workbench wb = Workbench.open(config);
        if (indexed) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
        return wb;
    }
}
