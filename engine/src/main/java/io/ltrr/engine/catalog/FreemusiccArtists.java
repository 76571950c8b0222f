package io.ltrr.engine.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives one ARTIST item per distinct artist name: every track artist, plus every release artist except
 * "Various Artists". Names differing only in case ("Lost Kluster", "Lost kluster") are one artist shown with the
 * most frequent spelling. An artist's tracks are those credited to it plus all tracks of releases it is the
 * release artist of; genres, styles and label are the most frequent among those tracks.
 */
final class FreemusiccArtists {

    static final String VARIOUS_ARTISTS = "Various Artists";
    private static final int MAX_GENRES = 3;
    private static final int MAX_STYLES = 5;

    /** A derived track item with the release it came from. */
    record JoinedTrack(Item item, FreemusiccTables.Release release) {
    }

    private static final class Group {
        final TagCounts spellings = new TagCounts();
        final Set<Integer> trackIndexes = new LinkedHashSet<>();
    }

    private FreemusiccArtists() {
    }

    static boolean isVariousArtists(String name) {
        return VARIOUS_ARTISTS.equalsIgnoreCase(name);
    }

    static List<Item> derive(List<JoinedTrack> tracks, UniqueIds ids) {
        // Sorted by key so that ids, and "~n" suffixes on slug clashes, do not depend on input order.
        Map<String, Group> groups = new TreeMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            JoinedTrack t = tracks.get(i);
            credit(groups, t.item().artist(), i);
            String releaseArtist = t.release().artist();
            if (!isVariousArtists(releaseArtist)) {
                credit(groups, releaseArtist, i);
            }
        }
        List<Item> items = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            items.add(item(g, tracks, ids));
        }
        return items;
    }

    private static void credit(Map<String, Group> groups, String name, int trackIndex) {
        if (name.isEmpty()) {
            return;
        }
        String key = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        Group g = groups.computeIfAbsent(key, k -> new Group());
        g.spellings.add(name);
        g.trackIndexes.add(trackIndex);
    }

    private static Item item(Group g, List<JoinedTrack> tracks, UniqueIds ids) {
        String name = g.spellings.first();
        TagCounts genres = new TagCounts();
        TagCounts styles = new TagCounts();
        TagCounts labels = new TagCounts();
        double popularitySum = 0;
        for (int index : g.trackIndexes) {
            JoinedTrack t = tracks.get(index);
            genres.addAll(t.release().genres());
            styles.addAll(t.release().styles());
            labels.add(t.release().label());
            popularitySum += t.item().popularity();
        }
        return new Item(ids.allocate("artist:" + Slug.of(name)), ItemType.ARTIST, name, name, "",
                genres.top(MAX_GENRES), styles.top(MAX_STYLES), 0, labels.first(), 0,
                FreemusiccPopularity.aggregate(popularitySum, g.trackIndexes.size()), "", "");
    }
}
