package io.ltrr.engine.interleave;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A merged list and the team that drafted each of its items.
 *
 * @param items the merged list, best first, each item once
 * @param teams the team of the item at the same index
 */
public record Interleaving(List<String> items, List<Team> teams) {
    public Interleaving {
        items = List.copyOf(items);
        teams = List.copyOf(teams);
        if (items.size() != teams.size()) {
            throw new IllegalArgumentException("one team per item is needed: " + items.size() + " items, "
                    + teams.size() + " teams");
        }
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            if (!seen.add(item)) {
                throw new IllegalArgumentException("item '" + item + "' occurs twice in the merged list");
            }
        }
    }

    /** The team that drafted an item, empty when the list does not hold it. */
    public Optional<Team> teamOf(String itemId) {
        int i = items.indexOf(itemId);
        return i < 0 ? Optional.empty() : Optional.of(teams.get(i));
    }
}
