package io.ltrr.engine;

import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.api.StoreMigrationReport;
import io.ltrr.engine.ope.LogEvaluation;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.jdbc.PostgresFeedbackStore;
import io.ltrr.engine.store.jdbc.StoreMigration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
     * Checks that a PostgreSQL store can be used before a folder remembers it: connects, logs in and brings the
     * schema up to date, then disconnects. Nothing to check for the folder's own H2 store.
     *
     * @throws io.ltrr.engine.store.FeedbackStoreException one line (unreachable, login refused, no such database,
     *                                                     migrated by a newer workbench), never the password
     */
    public static void check(StoreChoice choice) {
        if (choice.isPostgresql()) {
            PostgresFeedbackStore.open(choice.url(), choice.user(), choice.password(), FeedbackStoreConfig.defaults())
                    .close();
        }
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

    /**
     * The off-policy evaluation of a data folder's log: the folder's own H2 store opened as a writer would (the
     * folder must not be in use), or a shared PostgreSQL store read as {@link #openForReading} does, without the
     * folder's lock. The evaluation closes the store.
     */
    public static LogEvaluation logEvaluation(Path dataDir, StoreChoice choice) {
        return LogEvaluation.reading(choice.isPostgresql() ? openForReading(dataDir, choice) : open(dataDir, choice));
    }

    /**
     * Copies the folder's H2 store into the PostgreSQL database the choice names (verified per table; nothing
     * written when the database already holds exactly these rows), then makes the folder use that database: the
     * choice is remembered in its {@code store.json}.
     *
     * @throws IllegalStateException when the folder has no H2 store, is in use, or the database holds other rows
     */
    public static StoreMigrationReport migrate(Path dataDir, StoreChoice target) {
        if (!target.isPostgresql()) {
            throw new IllegalArgumentException("--to: expected a PostgreSQL database, postgresql://host:port/db");
        }
        StoreMigration.Result result = StoreMigration.toPostgresql(dataDir, target.url(), target.user(),
                target.password());
        Map<String, StoreMigrationReport.TableCount> tables = new LinkedHashMap<>();
        result.tables().forEach((name, c) -> tables.put(name,
                new StoreMigrationReport.TableCount(c.h2(), c.postgresql())));
        try {
            target.write(new DataLayout(dataDir).store());
        } catch (IOException e) {
            throw new UncheckedIOException("the store was migrated, but " + new DataLayout(dataDir).store()
                    + " cannot be written: " + e.getMessage(), e);
        }
        return new StoreMigrationReport(target.where(), result.alreadyMigrated(), tables);
    }
}
