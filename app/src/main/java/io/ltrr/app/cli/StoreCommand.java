package io.ltrr.app.cli;

import io.ltrr.engine.FeedbackStores;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.api.StoreMigrationReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ltrr store …}: the data folder's feedback store. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "The data folder's feedback store: migrate copies its H2 store into a PostgreSQL database a "
                + "team shares.",
        subcommands = {StoreCommand.Migrate.class})
final class StoreCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalArgumentException("store needs an action: migrate (see ltrr store --help)");
    }

    /** {@code ltrr store migrate --to postgresql://HOST:PORT/DB [--store-user U] [--store-password-file F]}. */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Copies the data folder's H2 feedback store (every table) into an empty PostgreSQL "
                    + "database, verifies each table's rows, and makes the folder use that database (store.json). "
                    + "Run again, it finds the same rows there and changes nothing; a database holding other rows "
                    + "is refused. The password comes from $" + StoreChoice.PASSWORD_ENV
                    + " or --store-password-file.")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--to", required = true, paramLabel = "URL",
                description = "The PostgreSQL database: postgresql://host:port/db or jdbc:postgresql://host:port/db "
                        + "(create it first; the workbench creates the tables).")
        String to;

        @Option(names = "--store-user", paramLabel = "USER",
                description = "The role to log in as (default: your user name).")
        String user;

        @Option(names = "--store-password-file", paramLabel = "FILE",
                description = "A file whose first line is the password (read when connecting, never printed).")
        Path passwordFile;

        @Override
        public Integer call() {
            StoreChoice target = StoreChoice.parse(to, user, passwordFile);
            if (!target.isPostgresql()) {
                throw new IllegalArgumentException("--to: expected a PostgreSQL database, postgresql://host:port/db");
            }
            Path dir = common.existingDataDir();
            StoreMigrationReport report = FeedbackStores.migrate(dir, target);
            if (common.json()) {
                Map<String, Object> tables = new LinkedHashMap<>();
                report.tables().forEach((name, c) -> {
                    Map<String, Object> counts = new LinkedHashMap<>();
                    counts.put("h2", c.h2());
                    counts.put("postgresql", c.postgresql());
                    tables.put(name, counts);
                });
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("to", report.to());
                doc.put("already_migrated", report.alreadyMigrated());
                doc.put("rows", report.rows());
                doc.put("tables", tables);
                Json.print(System.out, doc);
            } else {
                System.out.println((report.alreadyMigrated() ? "already migrated: " + report.to() + " holds the same "
                        : "migrated to " + report.to() + ": ") + report.rows() + " rows, verified per table");
                System.out.printf(Locale.ROOT, "  %-20s %10s %10s%n", "table", "h2", "postgresql");
                report.tables().forEach((name, c) -> System.out.printf(Locale.ROOT, "  %-20s %10d %10d%n", name,
                        c.h2(), c.postgresql()));
            }
            System.err.println("store: the data folder now uses " + target.describe() + " (remembered in "
                    + dir.resolve("store.json") + ")");
            return 0;
        }
    }
}
