package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the items and problems of one load. It owns the rule that ids are unique: a later row reusing an id
 * becomes a problem pointing at the first one, because two items with one id would silently overwrite each other
 * in the index.
 */
final class LoadAccumulator {

    private final List<Item> items = new ArrayList<>();
    private final LoadProblems problems;
    private final Map<String, Long> firstLineById = new HashMap<>();

    LoadAccumulator(String file) {
        this.problems = new LoadProblems(file);
    }

    void problem(long line, String reason) {
        problems.add(line, reason);
    }

    LoadProblems problems() {
        return problems;
    }

    void add(long line, Item item) {
        Long first = firstLineById.putIfAbsent(item.id(), line);
        if (first != null) {
            problem(line, "duplicate id '" + item.id() + "' (first used on line " + first + ")");
        } else {
            items.add(item);
        }
    }

    LoadResult result() {
        return new LoadResult(items, problems.list());
    }
}
