package io.ltrr.engine.store;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link DataFolderLockTest}: tries to open a data folder that the parent holds, once
 * through the store and once through H2 alone (past the lock file), and prints each outcome on a line.
 */
public final class SecondOpenProbe {
    private SecondOpenProbe() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
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
