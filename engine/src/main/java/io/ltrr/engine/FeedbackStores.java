package io.ltrr.engine;

import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.jdbc.PostgresFeedbackStore;
import java.nio.file.Path;

/**
 * Opens a data folder's feedback store where its {@link StoreChoice} says: the folder's own H2 database, or a
 * shared PostgreSQL one (the folder still locked for its own files). The password is read from the choice's
 * source when opening and handed to the driver only.
 */
public final class FeedbackStores {
    private FeedbackStores() {
    }

    /**
     * Opens (creating or migrating) the store.
     *
     * @throws IllegalStateException when another workbench has the folder open
     */
    public static FeedbackStore open(Path dataDir, StoreChoice choice) {
        if (choice.isPostgresql()) {
            return PostgresFeedbackStore.openForFolder(dataDir, choice.url(), choice.user(), choice.password(),
                    FeedbackStoreConfig.defaults());
        }
        return H2FeedbackStore.open(dataDir);
    }

    /**
     * Opens the store for reading: on H2 a copy when the folder is in use or read-only
     * ({@link H2FeedbackStore#openForReading}); a shared PostgreSQL store is read directly, without the folder's
     * lock, since other workbenches write it anyway.
     */
    public static FeedbackStore openForReading(Path dataDir, StoreChoice choice) {
        if (choice.isPostgresql()) {
            return PostgresFeedbackStore.open(choice.url(), choice.user(), choice.password(),
                    FeedbackStoreConfig.defaults());
        }
        return H2FeedbackStore.openForReading(dataDir);
    }
}
