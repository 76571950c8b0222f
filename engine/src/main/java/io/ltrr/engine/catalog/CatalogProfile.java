package io.ltrr.engine.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The empirical distributions of a real music catalog that {@link CatalogGenerator} draws from: the title-word
 * vocabulary (with its frequencies), title lengths, artist names and their words, genre/style combinations,
 * years, labels, durations, tracks per album, the share of compilations, popularity per item type and the type
 * mix. Every distribution is kept as the list of observed values in catalog order, so drawing a uniform index is
 * drawing from the empirical distribution, and the same source always gives the same profile.
 */
public final class CatalogProfile {
    /** The album artist of compilations in the sample catalog; their tracks each name their own artist. */
    public static final String VARIOUS_ARTISTS = "Various Artists";

    final Map<ItemType, Integer> typeCounts;
    final List<String> titleWords;
    final List<Integer> trackTitleLengths;
    final List<Integer> albumTitleLengths;
    final List<String> artistNames;
    final List<String> artistWords;
    final List<Tags> tags;
    final List<Integer> years;
    final List<String> labels;
    final List<Integer> trackDurations;
    final List<Integer> tracksPerAlbum;
    final double compilationShare;
    final Map<ItemType, List<Double>> popularity;
    final List<String> styles;

    /** One observed combination of genres and styles (of an album, or of an artist). */
    record Tags(List<String> genres, List<String> styles) {
    }

    private CatalogProfile(Map<ItemType, Integer> typeCounts, List<String> titleWords, List<Integer> trackTitleLengths,
                           List<Integer> albumTitleLengths, List<String> artistNames, List<String> artistWords,
                           List<Tags> tags, List<Integer> years, List<String> labels, List<Integer> trackDurations,
                           List<Integer> tracksPerAlbum, double compilationShare, Map<ItemType, List<Double>> popularity,
                           List<String> styles) {
        this.typeCounts = typeCounts;
        this.titleWords = titleWords;
        this.trackTitleLengths = trackTitleLengths;
        this.albumTitleLengths = albumTitleLengths;
        this.artistNames = artistNames;
        this.artistWords = artistWords;
        this.tags = tags;
        this.years = years;
        this.labels = labels;
        this.trackDurations = trackDurations;
        this.tracksPerAlbum = tracksPerAlbum;
        this.compilationShare = compilationShare;
        this.popularity = popularity;
        this.styles = styles;
    }

    /**
     * The profile of a music catalog (tracks, artists, albums, stations, as the sample catalog has them).
     *
     * @throws IllegalArgumentException when the catalog has no track, no album or no artist to learn from
     */
    public static CatalogProfile of(List<Item> source) {
        Objects.requireNonNull(source, "source");
        Map<ItemType, Integer> typeCounts = new LinkedHashMap<>();
        List<String> titleWords = new ArrayList<>();
        List<Integer> trackLengths = new ArrayList<>();
        List<Integer> albumLengths = new ArrayList<>();
        List<String> artistNames = new ArrayList<>();
        List<String> artistWords = new ArrayList<>();
        List<Tags> tags = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> durations = new ArrayList<>();
        Map<String, Integer> tracksByAlbum = new LinkedHashMap<>();
        Map<ItemType, List<Double>> popularity = new HashMap<>();
        Map<String, Integer> styleCounts = new LinkedHashMap<>();
        int compilations = 0;
        for (Item item : source) {
            typeCounts.merge(item.type(), 1, Integer::sum);
            popularity.computeIfAbsent(item.type(), t -> new ArrayList<>()).add(item.popularity());
            switch (item.type()) {
                case TRACK -> {
                    trackLengths.add(addWords(item.title(), titleWords));
                    durations.add(item.durationSeconds());
                    tracksByAlbum.merge(albumKey(item), 1, Integer::sum);
                }
                case ALBUM -> {
                    albumLengths.add(addWords(item.title(), titleWords));
                    tags.add(new Tags(item.genres(), item.styles()));
                    years.add(item.year());
                    labels.add(item.label());
                    compilations += VARIOUS_ARTISTS.equals(item.artist()) ? 1 : 0;
                    item.styles().forEach(s -> styleCounts.merge(s, 1, Integer::sum));
                }
                case ARTIST -> {
                    artistNames.add(item.title());
                    addWords(item.title(), artistWords);
                }
                default -> {
                }
            }
        }
        int albums = typeCounts.getOrDefault(ItemType.ALBUM, 0);
        if (trackLengths.isEmpty() || albums == 0 || artistNames.isEmpty()) {
            throw new IllegalArgumentException("source: a music catalog with tracks, albums and artists is needed (had "
                    + typeCounts + ")");
        }
        List<String> styles = new ArrayList<>(styleCounts.keySet());
        // most frequent first (stable for ties: catalog order), so the first stations are the common styles
        styles.sort((a, b) -> Integer.compare(styleCounts.get(b), styleCounts.get(a)));
        Map<ItemType, List<Double>> pop = new LinkedHashMap<>();
        popularity.forEach((t, v) -> pop.put(t, List.copyOf(v)));
        return new CatalogProfile(Collections.unmodifiableMap(typeCounts), List.copyOf(titleWords),
                List.copyOf(trackLengths), List.copyOf(albumLengths), List.copyOf(artistNames), List.copyOf(artistWords),
                List.copyOf(tags), List.copyOf(years), List.copyOf(labels), List.copyOf(durations),
                List.copyOf(tracksByAlbum.values()), compilations / (double) albums, Collections.unmodifiableMap(pop),
                List.copyOf(styles));
    }

    /** Items of each type in the source. */
    public Map<ItemType, Integer> typeCounts() {
        return typeCounts;
    }

    /** Share of {@code type} among all items of the source. */
    public double typeShare(ItemType type) {
        int total = typeCounts.values().stream().mapToInt(Integer::intValue).sum();
        return typeCounts.getOrDefault(type, 0) / (double) total;
    }

    /** Styles of the source's albums, most frequent first. */
    public List<String> styles() {
        return styles;
    }

    /** Every title word occurrence of the source's tracks and albums, in catalog order. */
    public List<String> titleWords() {
        return titleWords;
    }

    /** Mean number of tracks per album in the source. */
    public double meanTracksPerAlbum() {
        return tracksPerAlbum.stream().mapToInt(Integer::intValue).average().orElse(1);
    }

    static <T> T draw(List<T> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }

    /** The album a track belongs to: its id without the disc-track suffix ("track:ALBUM:1-2" → "ALBUM"). */
    private static String albumKey(Item track) {
        String id = track.id();
        int last = id.lastIndexOf(':');
        int first = id.indexOf(':');
        return last > first ? id.substring(first + 1, last) : track.album();
    }

    private static int addWords(String text, List<String> out) {
        int n = 0;
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
                n++;
            }
        }
        return Math.max(1, n);
    }
}
