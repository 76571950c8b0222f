package io.ltrr.engine.catalog;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic synthetic music catalog of any size, drawn from a real catalog's {@link CatalogProfile}: style
 * stations first, then artists, then albums each followed by its tracks, in the proportions of the source. Titles
 * are strings of the source's title words (with their frequencies and the source's title lengths); artist names
 * are the source's names, then pairs of words of those names; genres/styles, years, labels, durations, tracks per
 * album, compilations and popularity per type are drawn from the source's observed values. Items are produced one
 * at a time (nothing is kept but the profile), so a catalog of millions is written in constant memory. The same
 * profile, seed and size give the same items, byte for byte once written.
 */
public final class CatalogGenerator {
    private final CatalogProfile profile;
    private final long seed;

    public CatalogGenerator(CatalogProfile profile, long seed) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.seed = seed;
    }

    /**
     * Produces {@code n} items into {@code sink}, in order; returns the count of each type.
     *
     * @throws IllegalArgumentException when n is negative
     */
    public Map<ItemType, Long> generate(long n, Consumer<Item> sink) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        Map<ItemType, Long> counts = new EnumMap<>(ItemType.class);
        Consumer<Item> counted = item -> {
            counts.merge(item.type(), 1L, Long::sum);
            sink.accept(item);
        };
        SplittableRandom random = new SplittableRandom(seed);
        long stations = Math.min(profile.styles.size(), Math.round(n * profile.typeShare(ItemType.STATION)));
        long artists = Math.max(1, Math.round(n * profile.typeShare(ItemType.ARTIST)));
        long emitted = 0;
        for (int s = 0; s < stations && emitted < n; s++, emitted++) {
            counted.accept(station(s, random));
        }
        for (long a = 0; a < artists && emitted < n; a++, emitted++) {
            counted.accept(artist(a));
        }
        for (long album = 0; emitted < n; album++) {
            emitted += album(album, artists, n - emitted, random, counted);
        }
        return counts;
    }

    /**
     * Writes {@code n} items to {@code file} in the sample catalog format ({@link SampleCatalogWriter}; gzip when the
     * name ends in .gz), streaming; returns the count of each type.
     */
    public Map<ItemType, Long> write(long n, Path file) throws IOException {
        try (Writer writer = SampleCatalogWriter.open(file)) {
            IOException[] failure = new IOException[1];
            Map<ItemType, Long> counts = generate(n, item -> {
                if (failure[0] == null) {
                    try {
                        writer.write(SampleCatalogWriter.line(item));
                        writer.write('\n');
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            return counts;
        }
    }

    private Item station(int s, SplittableRandom random) {
        String style = profile.styles.get(s);
        CatalogProfile.Tags tags = CatalogProfile.draw(profile.tags, random);
        return new Item("station:gen-" + s, ItemType.STATION, style + " Radio", "", "", tags.genres(), List.of(style), 0,
                "", 0, popularity(ItemType.STATION, random), "", "");
    }

    /** Artist {@code a}: computed from the seed and its number alone, so albums can name it without a table. */
    private Item artist(long a) {
        SplittableRandom random = artistRandom(a);
        CatalogProfile.Tags tags = CatalogProfile.draw(profile.tags, random);
        String name = artistName(a, random);
        return new Item("artist:gen-" + a, ItemType.ARTIST, name, name, "", tags.genres(), tags.styles(), 0,
                CatalogProfile.draw(profile.labels, random), 0, popularity(ItemType.ARTIST, random), "", "");
    }

    private SplittableRandom artistRandom(long a) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + 1);
    }

    /** The source's artist names in order, then "Word Word" from their words (names may repeat; ids do not). */
    private String artistName(long a, SplittableRandom random) {
        if (a < profile.artistNames.size()) {
            return profile.artistNames.get((int) a);
        }
        return CatalogProfile.draw(profile.artistWords, random) + " " + CatalogProfile.draw(profile.artistWords, random);
    }

    /** Album {@code album} and up to {@code room - 1} of its tracks; returns how many items were produced. */
    private long album(long album, long artists, long room, SplittableRandom random, Consumer<Item> sink) {
        Item artist = artist(random.nextLong(artists));
        boolean compilation = random.nextDouble() < profile.compilationShare;
        String title = title(profile.albumTitleLengths, random);
        int year = CatalogProfile.draw(profile.years, random);
        String label = artist.label().isEmpty() ? CatalogProfile.draw(profile.labels, random) : artist.label();
        double albumPopularity = popularity(ItemType.ALBUM, random);
        int tracks = (int) Math.min(room - 1, CatalogProfile.draw(profile.tracksPerAlbum, random));
        List<Item> trackItems = new ArrayList<>(tracks);
        int duration = 0;
        for (int t = 1; t <= tracks; t++) {
            String trackArtist = compilation ? artist(random.nextLong(artists)).title() : artist.title();
            int seconds = CatalogProfile.draw(profile.trackDurations, random);
            duration += seconds;
            trackItems.add(new Item("track:gen-" + album + ":1-" + t, ItemType.TRACK, title(profile.trackTitleLengths,
                    random), trackArtist, title, artist.genres(), artist.styles(), year, label, seconds,
                    popularity(ItemType.TRACK, random), "", ""));
        }
        sink.accept(new Item("album:gen-" + album, ItemType.ALBUM, title,
                compilation ? CatalogProfile.VARIOUS_ARTISTS : artist.title(), title, artist.genres(), artist.styles(),
                year, label, duration, albumPopularity, "", ""));
        trackItems.forEach(sink);
        return 1L + tracks;
    }

    private String title(List<Integer> lengths, SplittableRandom random) {
        int words = CatalogProfile.draw(lengths, random);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(CatalogProfile.draw(profile.titleWords, random));
        }
        return sb.toString();
    }

    private double popularity(ItemType type, SplittableRandom random) {
        List<Double> values = profile.popularity.get(type);
        return values == null || values.isEmpty() ? 0.0 : CatalogProfile.draw(values, random);
    }
}
