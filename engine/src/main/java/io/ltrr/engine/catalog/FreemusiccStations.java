package io.ltrr.engine.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives one STATION item per distinct style tag, titled "&lt;Style&gt; Radio". Its styles are the style itself,
 * its genres the ones releases with that style carry most often; its popularity aggregates the popularity of those
 * releases.
 */
final class FreemusiccStations {

    static final String TITLE_SUFFIX = " Radio";
    private static final int MAX_GENRES = 3;

    private static final class Group {
        final TagCounts spellings = new TagCounts();
        final TagCounts genres = new TagCounts();
        double popularitySum;
        int releases;
    }

    private FreemusiccStations() {
    }

    static List<Item> derive(Collection<FreemusiccTables.Release> releases, UniqueIds ids) {
        Map<String, Group> groups = new TreeMap<>();
        for (FreemusiccTables.Release r : releases) {
            double popularity = FreemusiccPopularity.rated(r.rating(), r.activity());
            for (String style : r.styles()) {
                Group g = groups.computeIfAbsent(style.toLowerCase(Locale.ROOT), k -> new Group());
                g.spellings.add(style);
                g.genres.addAll(r.genres());
                g.popularitySum += popularity;
                g.releases++;
            }
        }
        List<Item> items = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            String style = g.spellings.first();
            items.add(new Item(ids.allocate("station:" + Slug.of(style)), ItemType.STATION, style + TITLE_SUFFIX,
                    "", "", g.genres.top(MAX_GENRES), List.of(style), 0, "", 0,
                    FreemusiccPopularity.aggregate(g.popularitySum, g.releases), "", ""));
        }
        return items;
    }
}
