package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;

import java.util.List;

/**
 * What a loader produced: the items that loaded and every row it skipped, with the reason.
 * Nothing is dropped silently: {@code loaded() + skipped()} is the number of data rows read.
 */
public record LoadResult(List<Item> items, List<LoadProblem> problems) {
    public LoadResult {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public int loaded() {
        return items.size();
    }

    public int skipped() {
        return problems.size();
    }

    /** One line such as "loaded 30412 items, skipped 2". */
    public String summary() {
        return "loaded " + loaded() + " items, skipped " + skipped();
    }
}
