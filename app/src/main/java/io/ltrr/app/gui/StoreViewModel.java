package io.ltrr.app.gui;

import io.ltrr.engine.api.StoreChoice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File ▸ Feedback store…: where feedback is saved, the data folder's own H2 database or a PostgreSQL database that
 * workbenches share (URL, user, password file; the password itself is read by the engine from that file or from
 * {@value StoreChoice#PASSWORD_ENV} when connecting, and never held here). The form is filled from the current
 * choice; applying it checks the form with the engine's own parser first (a bad one never reaches the engine),
 * then reopens the workbench on the chosen store and remembers it in the folder's {@code store.json}. A failure
 * leaves the workbench on its previous store and says why in one line.
 */
public final class StoreViewModel {
    /** The note under the password file: where the password comes from. */
    public static final String PASSWORD_NOTE = "password: from the password file, else $" + StoreChoice.PASSWORD_ENV
            + " — never stored";

    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final StatusViewModel status;
    private final Runnable switched;
    private final BooleanProperty postgresql = new SimpleBooleanProperty(this, "postgresql");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty passwordFile = new SimpleStringProperty(this, "passwordFile", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private StoreChoice current = StoreChoice.h2();

    /**
     * @param status   the status bar, told the new store after a switch
     * @param switched runs after a switch (the window drops what it showed from the previous store)
     */
    public StoreViewModel(WorkbenchService service, BackgroundRunner runner, StatusViewModel status,
                          Runnable switched) {
        this.service = service;
        this.runner = runner;
        this.status = status;
        this.switched = switched;
    }

    /** A PostgreSQL database when true, the data folder's own H2 database when false. */
    public BooleanProperty postgresqlProperty() {
        return postgresql;
    }

    /** The database: {@code postgresql://host:port/db} (or {@code jdbc:postgresql://…}). */
    public StringProperty urlProperty() {
        return url;
    }

    /** The role to log in as; empty for the operating system's user name (as {@code psql} does). */
    public StringProperty userProperty() {
        return user;
    }

    /** A file whose first line is the password; empty to use {@value StoreChoice#PASSWORD_ENV}. */
    public StringProperty passwordFileProperty() {
        return passwordFile;
    }

    /** Why the last apply did not switch, in one line; empty when nothing went wrong. */
    public StringProperty errorProperty() {
        return error;
    }

    /** True while the workbench reopens on the chosen store (connecting to a server can take seconds). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The store feedback is saved in now, as last read or switched to. */
    public StoreChoice current() {
        return current;
    }

    /** Reads where feedback is saved now and fills the form with it. */
    public void load() {
        runner.run("store", service::store, this::fill, e -> error.set(oneLine(e)));
    }

    private void fill(StoreChoice choice) {
        current = choice;
        postgresql.set(choice.isPostgresql());
        url.set(choice.isPostgresql() ? choice.url().replaceFirst("^jdbc:", "") : "");
        user.set(choice.user());
        passwordFile.set(choice.passwordFile() == null ? "" : choice.passwordFile().toString());
        error.set("");
    }

    /**
     * The choice the form names, as {@link StoreChoice#parse} reads it (a blank user: the operating system's).
     *
     * @throws IllegalArgumentException with a one-line message naming the field when the form is not usable
     */
    public StoreChoice choice() {
        if (!postgresql.get()) {
            return StoreChoice.h2();
        }
        String address = FormValues.text(url);
        if (address.isEmpty()) {
            throw new IllegalArgumentException("URL: give the database, e.g. postgresql://localhost:5432/ltrr");
        }
        try {
            return StoreChoice.parse(address, FormValues.text(user), FormValues.passwordFile(passwordFile));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(oneLine(e), e);
        }
    }

    /**
     * Checks the form, then reopens the workbench on the chosen store and remembers it: the status bar shows the
     * new store, the switch's action runs, then {@code onDone}. When the form is not usable, or the store does not
     * open, {@link #errorProperty()} says why and the workbench stays on its store. Choosing the store already in
     * use runs {@code onDone} without reopening anything.
     *
     * @return false when the form is not usable (nothing was asked of the engine)
     */
    public boolean apply(Runnable onDone) {
        if (running.get()) {
            return false;
        }
        StoreChoice choice;
        try {
            choice = choice();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        error.set("");
        if (choice.equals(current)) {
            status.messageProperty().set("feedback store unchanged: " + describe(choice));
            onDone.run();
            return true;
        }
        running.set(true);
        status.messageProperty().set("opening the feedback store " + describe(choice) + "…");
        runner.run("switch store", () -> {
            service.useStore(choice);
            return service.storeStatus();
        }, now -> {
            running.set(false);
            current = choice;
            status.showStore(now);
            status.messageProperty().set("feedback is now saved in " + describe(choice)
                    + " (remembered for this data folder)");
            switched.run();
            onDone.run();
        }, e -> {
            running.set(false);
            String why = oneLine(e);
            error.set(why);
            status.messageProperty().set("feedback store not changed: " + why);
        });
        return true;
    }

    /** "this folder's H2 database" or "postgresql://host:port/db as USER". */
    static String describe(StoreChoice choice) {
        return choice.isPostgresql() ? choice.where().replaceFirst("^jdbc:", "") + " as " + choice.user()
                : "this folder's H2 database";
    }

    /** The first line of a failure's message, the command line's option names put as the form's fields. */
    static String oneLine(Throwable e) {
        return FormValues.firstLine(e).replaceFirst("^--store: ", "URL: ")
                .replace("expected h2, postgresql://", "expected postgresql://")
                .replace("give the user with --store-user and the password in " + StoreChoice.PASSWORD_ENV
                        + " or --store-password-file", "give the user below and the password in a password file or $"
                        + StoreChoice.PASSWORD_ENV)
                .replaceFirst("^--store-password-file: ", "password file: ");
    }
}
