package io.ltrr.app.gui;

import java.util.function.Consumer;

/**
 * Runs a query in the main window for judging; with an item, the selection lands on that item when the page shows
 * it, else on the first result nobody has judged. A plain query consumer is one that ignores the item.
 */
@FunctionalInterface
public interface QueryOpener extends Consumer<String> {
    /** @param itemId the item to select, or null for the first result still to judge */
    void open(String query, String itemId);

    @Override
    default void accept(String query) {
        open(query, null);
    }

    /** The opener itself, or one that runs the query and leaves the item aside. */
    static QueryOpener of(Consumer<String> open) {
        return open instanceof QueryOpener o ? o : (query, itemId) -> open.accept(query);
    }
}
