package io.ltrr.app.gui;

import io.ltrr.engine.api.BackendChoice;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File ▸ Retrieval backend…: Embedded index or OpenSearch (URL, index, user, password file — never a password
 * field). OK checks the form and builds the catalog there with the progress card and its Cancel, then closes;
 * a failure stays open with its one-line reason. While it builds, Cancel (or Esc, or closing the window) cancels
 * the build instead of closing.
 */
public final class BackendDialog extends Dialog<ButtonType> {
    private final BackendViewModel vm;
    private final VBox progressHolder = new VBox();

    /** @param owner the main window (null in a test without one) */
    public BackendDialog(BackendViewModel vm, Window owner, String dataFolder) {
        this.vm = vm;
        SettingsForm.dress(this, owner, "backend-dialog");
        setTitle("Retrieval backend — " + dataFolder);
        getDialogPane().setContent(content());
        getDialogPane().setPrefWidth(640);
        Button cancel = SettingsForm.okCancel(this, "backend", "Build and switch", vm.runningProperty(), vm::apply);
        cancel.addEventFilter(ActionEvent.ACTION, e -> {
            if (vm.runningProperty().get()) {
                e.consume();
                vm.cancel();
            }
        });
        setOnCloseRequest(e -> {
            if (vm.runningProperty().get()) {
                e.consume();
                vm.cancel();
            }
        });
        vm.runningProperty().addListener((obs, was, running) -> {
            if (running) {
                IndexingView card = new IndexingView(vm.progress(), "Building the catalog in " + vm.target(),
                        "the folder stays on " + StatusViewModel.backendText(vm.current()) + " until it is done");
                card.setStyle("-fx-padding: 12 0 4 0;");
                progressHolder.getChildren().setAll(card);
            }
            getDialogPane().getScene().getWindow().sizeToScene();
        });
    }

    /** For the README's picture: OpenSearch chosen, {@code url} typed, nothing applied. */
    void fillExample(String url) {
        vm.opensearchProperty().set(true);
        vm.urlProperty().set(url);
    }

    private VBox content() {
        Label intro = new Label("Where the catalog is searched. Switching builds it there first (unless it is up "
                + "to date); until then the folder stays on its current backend.");
        intro.setWrapText(true);
        RadioButton embedded = new RadioButton("_Embedded index (this folder's own Lucene index)");
        embedded.setId("backend-embedded");
        RadioButton opensearch = new RadioButton("_OpenSearch cluster");
        opensearch.setId("backend-opensearch");
        SettingsForm.either(embedded, opensearch, vm.opensearchProperty());

        TextField url = SettingsForm.field("backend-url", "http://localhost:9200", vm.urlProperty());
        TextField index = SettingsForm.field("backend-index", StatusViewModel.DEFAULT_INDEX, vm.indexProperty());
        TextField user = SettingsForm.field("backend-user", "none", vm.userProperty());
        TextField passwordFile = SettingsForm.field("backend-password-file", "none: $" + BackendChoice.PASSWORD_ENV,
                vm.passwordFileProperty());

        GridPane cluster = SettingsForm.grid();
        cluster.addRow(0, SettingsForm.label("_URL", url), url);
        cluster.addRow(1, SettingsForm.label("_Index", index), index);
        cluster.addRow(2, SettingsForm.label("U_ser", user), user);
        cluster.addRow(3, SettingsForm.label("_Password file", passwordFile),
                SettingsForm.withChooser(passwordFile, "backend-password-choose"));
        cluster.add(SettingsForm.hint("backend-password-note", BackendViewModel.PASSWORD_NOTE), 1, 4);
        cluster.disableProperty().bind(vm.opensearchProperty().not().or(vm.runningProperty()));
        embedded.disableProperty().bind(vm.runningProperty());
        opensearch.disableProperty().bind(vm.runningProperty());

        Label error = SettingsForm.error("backend-error", vm.errorProperty());

        progressHolder.visibleProperty().bind(vm.runningProperty());
        progressHolder.managedProperty().bind(progressHolder.visibleProperty());

        VBox box = new VBox(10, intro, embedded, opensearch, cluster, error, progressHolder);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }
}
