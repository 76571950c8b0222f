package io.ltrr.app.gui;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.IndexReport;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File ▸ Retrieval backend…: where the catalog is searched, the folder's embedded index or an OpenSearch cluster
 * (URL, index, user, password file; the password itself is read by the engine from that file or from
 * {@value BackendChoice#PASSWORD_ENV}, and never held here). The form is filled from the current choice; applying
 * it checks the form first (a bad one never reaches the engine), then builds the catalog in the chosen backend with
 * progress and Cancel and switches to it. A failure leaves the folder on its previous backend and says why in one
 * line.
 */
public final class BackendViewModel {
    /** The note under the password file: where the password comes from. */
    public static final String PASSWORD_NOTE = "password: from the password file, else $" + BackendChoice.PASSWORD_ENV
            + " — never stored";
    /** OpenSearch's index names as the engine accepts them. */

    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final StatusViewModel status;
    private final IndexingViewModel progress;
    private final BooleanProperty opensearch = new SimpleBooleanProperty(this, "opensearch");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty index = new SimpleStringProperty(this, "index", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty passwordFile = new SimpleStringProperty(this, "passwordFile", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private BackendChoice current = BackendChoice.embedded();

    /**
     * @param status   the status bar, told the new backend after a switch
     * @param nanoTime the clock of the build's items/s and ETA
     */
    public BackendViewModel(WorkbenchService service, BackgroundRunner runner, StatusViewModel status,
                            LongSupplier nanoTime) {
        this.service = service;
        this.runner = runner;
        this.status = status;
        this.progress = new IndexingViewModel(service, runner, nanoTime);
    }

    /** OpenSearch when true, the folder's embedded index when false. */
    public BooleanProperty opensearchProperty() {
        return opensearch;
    }

    /** The cluster's address, {@code http://host:9200} or {@code https://…}. */
    public StringProperty urlProperty() {
        return url;
    }

    /** The index name; empty for the default, {@value StatusViewModel#DEFAULT_INDEX}. */
    public StringProperty indexProperty() {
        return index;
    }

    /** The user for basic authentication; empty for none. */
    public StringProperty userProperty() {
        return user;
    }

    /** A file whose first line is the password; empty to use {@value BackendChoice#PASSWORD_ENV}. */
    public StringProperty passwordFileProperty() {
        return passwordFile;
    }

    /** Why the last apply did not switch, in one line; empty when nothing went wrong. */
    public StringProperty errorProperty() {
        return error;
    }

    /** True while the catalog is being built in the chosen backend. */
    public ReadOnlyBooleanProperty runningProperty() {
        return progress.runningProperty();
    }

    /** The build's progress (phase, fraction, items/s, ETA) and its Cancel. */
    public IndexingViewModel progress() {
        return progress;
    }

    /** The backend the catalog is searched in now, as last read or switched to. */
    public BackendChoice current() {
        return current;
    }

    /** Reads where the catalog is searched now and fills the form with it. */
    public void load() {
        runner.run("backend", service::backend, this::fill, e -> error.set(oneLine(e)));
    }

    private void fill(BackendChoice choice) {
        current = choice;
        opensearch.set(!choice.isEmbedded());
        url.set(choice.url());
        index.set(choice.index());
        user.set(choice.user());
        passwordFile.set(choice.passwordFile() == null ? "" : choice.passwordFile().toString());
        error.set("");
    }

    /**
     * The choice the form names.
     *
     * @throws IllegalArgumentException with a one-line message naming the field when the form is not usable
     */
    public BackendChoice choice() {
        if (!opensearch.get()) {
            return BackendChoice.embedded();
        }
        String address = FormValues.text(url);
        if (address.isEmpty()) {
            throw new IllegalArgumentException("URL: give the cluster's address, e.g. http://localhost:9200");
        }
        checkUrl(address);
        String name = FormValues.text(index);
        if (!name.isEmpty()) {
            try {
                BackendChoice.checkIndexName(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replaceFirst("^--opensearch-index: ", "index: "));
            }
        }
        return BackendChoice.opensearch(address, name, FormValues.text(user), FormValues.passwordFile(passwordFile));
    }

    /** What the form names, for the build's heading: "embedded index" or "OpenSearch INDEX @ URL". */
    public String target() {
        try {
            return StatusViewModel.backendText(choice());
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    /**
     * Checks the form, then builds the catalog in the chosen backend and switches to it: the status bar shows the
     * new backend and what the build did (and a warning first when the dense arm is unavailable there), then
     * {@code onSwitched} runs. When the form is not usable, or the build fails or is cancelled, {@link
     * #errorProperty()} says why and the folder stays on its backend.
     *
     * @return false when the form is not usable (nothing was asked of the engine)
     */
    public boolean apply(Runnable onSwitched) {
        if (progress.runningProperty().get()) {
            return false;
        }
        BackendChoice choice;
        try {
            choice = choice();
        } catch (IllegalArgumentException e) {
            error.set(oneLine(e));
            return false;
        }
        error.set("");
        String where = StatusViewModel.backendText(choice);
        status.messageProperty().set("building the catalog in " + where + "…");
        progress.start("switch backend", (listener, cancel) -> service.useBackend(choice, listener, cancel),
                report -> {
                    current = choice;
                    status.showBackend(choice);
                    status.refresh();
                    status.messageProperty().set(switched(where, report));
                    onSwitched.run();
                }, e -> {
                    String why = e instanceof CancellationException
                            ? "cancelled: the catalog is still searched in " + StatusViewModel.backendText(current)
                            : oneLine(e);
                    error.set(why);
                    status.refresh();
                    status.messageProperty().set("retrieval backend not changed: " + why);
                });
        return true;
    }

    /** Cancels a running build (the folder stays on its backend). */
    public void cancel() {
        if (progress.runningProperty().get()) {
            progress.cancel();
        }
    }

    /**
     * "catalog searched in WHERE — built N items in S s: WHY", or "… — up to date"; the report's notes (the reason
     * after its first "; ", e.g. a cluster without the k-NN plugin) go first, marked ⚠, so they are seen.
     */
    static String switched(String where, IndexReport report) {
        String reason = report.reason() == null ? "" : report.reason();
        int cut = reason.indexOf("; ");
        String why = cut < 0 ? reason : reason.substring(0, cut);
        String notes = cut < 0 ? "" : reason.substring(cut + 2);
        String done = report.rebuilt()
                ? String.format(Locale.ROOT, "built %,d items in %.1f s: %s", report.stats().items(),
                        report.buildMillis() / 1000.0, why)
                : "up to date";
        return (notes.isEmpty() ? "" : "⚠ " + notes + " — ") + "catalog searched in " + where + " — " + done;
    }

    /** The first line of a failure's message, the command line's option names put as the form's fields. */
    static String oneLine(Throwable e) {
        return FormValues.firstLine(e).replaceFirst("^--opensearch-url: ", "URL: ")
                .replaceFirst("^--opensearch-index: ", "index: ")
                .replaceFirst("^--opensearch-user: ", "user: ")
                .replaceFirst("^--opensearch-password-file: ", "password file: ");
    }

    /** The engine's checks of a cluster URL, made here so a bad one never starts a build. */
    private static void checkUrl(String address) {
        try {
            BackendChoice.checkUrl(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^--opensearch-url: ", "URL: ")
                    .replace("give the user with --opensearch-user and the password in "
                            + BackendChoice.PASSWORD_ENV + " or --opensearch-password-file",
                            "give the user below and the password in a password file or $"
                            + BackendChoice.PASSWORD_ENV));
        }
    }
}
