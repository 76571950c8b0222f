package io.ltrr.app.gui;

import io.ltrr.engine.api.BackendChoice;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
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
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Retrieval backend — " + dataFolder);
        getDialogPane().setId("backend-dialog");
        getDialogPane().getStylesheets().add(Objects.requireNonNull(Theme.class.getResource(Theme.CSS), Theme.CSS)
                .toExternalForm());
        getDialogPane().getStyleClass().add("workbench");
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot().getStyleClass().contains("demo")) {
            getDialogPane().getStyleClass().add("demo");
        }
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setContent(content());
        getDialogPane().setPrefWidth(640);

        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("backend-ok");
        ok.setText("Build and switch");
        ok.disableProperty().bind(vm.runningProperty());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.apply(() -> {
                setResult(ButtonType.OK);
                close();
            });
        });
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("backend-cancel");
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
        ToggleGroup kind = new ToggleGroup();
        RadioButton embedded = new RadioButton("_Embedded index (this folder's own Lucene index)");
        embedded.setId("backend-embedded");
        embedded.setToggleGroup(kind);
        RadioButton opensearch = new RadioButton("_OpenSearch cluster");
        opensearch.setId("backend-opensearch");
        opensearch.setToggleGroup(kind);
        (vm.opensearchProperty().get() ? opensearch : embedded).setSelected(true);
        vm.opensearchProperty().addListener((obs, o, on) -> (on ? opensearch : embedded).setSelected(true));
        kind.selectedToggleProperty().addListener((obs, o, t) -> {
            if (t != null) {
                vm.opensearchProperty().set(t == opensearch);
            }
        });

        TextField url = field("backend-url", "http://localhost:9200", vm.urlProperty());
        TextField index = field("backend-index", StatusViewModel.DEFAULT_INDEX, vm.indexProperty());
        TextField user = field("backend-user", "none", vm.userProperty());
        TextField passwordFile = field("backend-password-file", "none: $" + BackendChoice.PASSWORD_ENV,
                vm.passwordFileProperty());
        Button choose = new Button("Choose…");
        choose.setId("backend-password-choose");
        choose.setOnAction(e -> choosePasswordFile());
        HBox.setHgrow(passwordFile, Priority.ALWAYS);
        Label note = new Label(BackendViewModel.PASSWORD_NOTE);
        note.setId("backend-password-note");
        note.getStyleClass().add("hint");
        note.setWrapText(true);

        GridPane cluster = new GridPane();
        cluster.setHgap(8);
        cluster.setVgap(6);
        cluster.setPadding(new Insets(0, 0, 0, 24));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        cluster.getColumnConstraints().addAll(labels, fields);
        cluster.addRow(0, label("_URL", url), url);
        cluster.addRow(1, label("_Index", index), index);
        cluster.addRow(2, label("U_ser", user), user);
        cluster.addRow(3, label("_Password file", passwordFile), new HBox(6, passwordFile, choose));
        cluster.add(note, 1, 4);
        cluster.disableProperty().bind(vm.opensearchProperty().not().or(vm.runningProperty()));
        embedded.disableProperty().bind(vm.runningProperty());
        opensearch.disableProperty().bind(vm.runningProperty());

        Label error = new Label();
        error.setId("backend-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #B8430A;");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        progressHolder.visibleProperty().bind(vm.runningProperty());
        progressHolder.managedProperty().bind(progressHolder.visibleProperty());

        VBox box = new VBox(10, intro, embedded, opensearch, cluster, error, progressHolder);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }

    private void choosePasswordFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Password file (its first line is the password)");
        folderOf(vm.passwordFileProperty().get()).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (chosen != null) {
            vm.passwordFileProperty().set(chosen.getAbsolutePath());
        }
    }

    /** The existing folder of the file named so far, to start the chooser in. */
    private static Optional<File> folderOf(String file) {
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try {
            Path parent = Path.of(file.strip()).toAbsolutePath().getParent();
            return parent != null && Files.isDirectory(parent) ? Optional.of(parent.toFile()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static TextField field(String id, String prompt, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static Label label(String text, TextField target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }
}
