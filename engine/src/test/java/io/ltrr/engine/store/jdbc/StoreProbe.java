package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackStore;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link DataFolderLockTest}, on a data folder given as the first argument:
 * <ul>
 *   <li>{@code second-open}: the parent holds the folder; tries to open it through the store and through H2
 *   alone (past the lock file) and prints each outcome on a line;</li>
 *   <li>{@code write-then-die}: records a search and a click, prints the search id, and halts the JVM at once
 *   (no shutdown hooks, no close), as a crash would.</li>
 * </ul>
 */
public final class StoreProbe {
    private StoreProbe() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        if (args[1].equals("write-then-die")) {
            FeedbackStore store = H2FeedbackStore.open(dir);
            String search = Fixtures.record(store, Fixtures.T0, "crash");
            store.feedbackLog().recordClick(search, "item-a", Fixtures.T0);
            System.out.println("recorded: " + search);
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
        System.out.println("store: " + attempt(() -> H2FeedbackStore.open(dir).close()));
        System.out.println("h2: " + attempt(() -> {
            try {
                Schema.openMigrated(dir).close();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private static String attempt(Runnable open) {
        try {
            open.run();
            return "opened";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
