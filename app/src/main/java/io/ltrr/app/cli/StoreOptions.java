package io.ltrr.app.cli;

import io.ltrr.engine.FeedbackStores;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.api.WorkbenchConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the feedback store lives, for the commands that open a data folder's store. Without these options a
 * command uses the store the folder remembers ({@code store.json}; absent: the folder's own H2 database); a command
 * given {@code --store} uses it and remembers it for the folder, saying so in one line on stderr. The password never
 * appears on the command line: it is read from {@value StoreChoice#PASSWORD_ENV} or a password file.
 */
public final class StoreOptions {
    @Option(names = "--store", paramLabel = "URL", description = "The feedback store: h2 (the data folder's own "
            + "database, the default) or a PostgreSQL database a team shares, postgresql://host:port/db or "
            + "jdbc:postgresql://host:port/db. Remembered for the data folder.")
    String store;

    @Option(names = "--store-user", paramLabel = "USER", description = "The PostgreSQL role to log in as (default: "
            + "your user name); the password comes from $" + StoreChoice.PASSWORD_ENV + " or --store-password-file.")
    String user;

    @Option(names = "--store-password-file", paramLabel = "FILE", description = "A file whose first line is the "
            + "store's password (read when connecting, never printed).")
    Path passwordFile;

    /** Whether any store option was given. */
    boolean given() {
        return store != null || user != null || passwordFile != null;
    }

    /**
     * The store of a data folder: the one these options name (then remembered in the folder's {@code store.json}),
     * else the one the folder remembers, else its H2 database.
     *
     * @throws IllegalArgumentException when the options are wrong (one line, never the password)
     */
    StoreChoice choice(Path dataDir) {
        Path file = new DataLayout(dataDir).store();
        StoreChoice remembered = StoreChoice.read(file).orElseGet(StoreChoice::h2);
        if (!given()) {
            return remembered;
        }
        StoreChoice chosen;
        if (store != null) {
            chosen = StoreChoice.parse(store, user, passwordFile);
        } else if (remembered.isPostgresql()) {
            chosen = StoreChoice.postgresql(remembered.url(), user != null ? user : remembered.user(),
                    passwordFile != null ? passwordFile : remembered.passwordFile());
        } else {
            throw new IllegalArgumentException("--store-user and --store-password-file need --store "
                    + "postgresql://host:port/db");
        }
        Optional<StoreChoice> before = Optional.of(remembered).filter(r -> Files.exists(file));
        if (!chosen.equals(before.orElse(null)) && chosen.isPostgresql()) {
            FeedbackStores.check(chosen); // a store that cannot be used is never remembered
        }
        remember(dataDir, chosen, before);
        return chosen;
    }

    /** The configuration with the store these options name, or the folder's remembered one. */
    WorkbenchConfig apply(WorkbenchConfig config) {
        return given() ? config.withStore(choice(config.dataDir())) : config;
    }

    /** Writes the choice to the folder's store.json when it changes what the folder remembers. */
    static void remember(Path dataDir, StoreChoice chosen, Optional<StoreChoice> remembered) {
        if (remembered.isPresent() ? remembered.get().equals(chosen) : !chosen.isPostgresql()) {
            return;
        }
        Path file = new DataLayout(dataDir).store();
        try {
            Files.createDirectories(dataDir);
            chosen.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        System.err.println("store: the data folder now uses " + chosen.describe() + " (remembered in " + file + ")");
    }
}
