package io.ltrr.app.gui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.event.ActionEvent;
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
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The parts the settings dialogs (File ▸ Retrieval backend…, File ▸ Feedback store…) are made of: the dialog's
 * look (the workbench's stylesheet, demo mode when the main window is in it), labelled text fields bound to a
 * ViewModel, an indented grid of them, a password-file field with its chooser (never a password field), and the
 * one-line error.
 */
final class SettingsForm {
    private SettingsForm() {
    }

    /** Owned by {@code owner} (null in a test without one), styled as the workbench, demo mode included. */
    static void dress(Dialog<?> dialog, Window owner, String id) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().getStylesheets().add(Objects.requireNonNull(Theme.class.getResource(Theme.CSS),
                Theme.CSS).toExternalForm());
        dialog.getDialogPane().getStyleClass().add("workbench");
        if (owner != null && owner.getScene() != null
                && owner.getScene().getRoot().getStyleClass().contains("demo")) {
            dialog.getDialogPane().getStyleClass().add("demo");
        }
    }

    /**
     * The dialog's OK and Cancel, with ids {@code <prefix>-ok} and {@code <prefix>-cancel}: OK says {@code okText},
     * is disabled while {@code running}, and does not close the dialog itself but hands {@code apply} the closing,
     * which runs only when the change succeeded (a failure leaves the dialog open with its error).
     *
     * @return the Cancel button, for a dialog that also cancels running work with it
     */
    static Button okCancel(Dialog<ButtonType> dialog, String prefix, String okText, ReadOnlyBooleanProperty running,
                           Consumer<Runnable> apply) {
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId(prefix + "-ok");
        ok.setText(okText);
        ok.disableProperty().bind(running);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            apply.accept(() -> {
                dialog.setResult(ButtonType.OK);
                dialog.close();
            });
        });
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId(prefix + "-cancel");
        return cancel;
    }

    /**
     * Two radio buttons in one group, kept in step with {@code secondChosen} both ways: {@code second} is selected
     * when it is true, {@code first} when it is false.
     */
    static void either(RadioButton first, RadioButton second, BooleanProperty secondChosen) {
        ToggleGroup group = new ToggleGroup();
        first.setToggleGroup(group);
        second.setToggleGroup(group);
        (secondChosen.get() ? second : first).setSelected(true);
        secondChosen.addListener((obs, o, on) -> (on ? second : first).setSelected(true));
        group.selectedToggleProperty().addListener((obs, o, t) -> {
            if (t != null) {
                secondChosen.set(t == second);
            }
        });
    }

    /** A text field showing {@code prompt} while empty, bound both ways to {@code value}. */
    static TextField field(String id, String prompt, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** A label whose mnemonic (the letter after "_") focuses {@code target}. */
    static Label label(String text, TextField target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    /** A two-column grid (labels, then fields that grow), indented under the radio button it belongs to. */
    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(0, 0, 0, 24));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /**
     * A password-file field with its "Choose…" button ({@code chooseId}): a file whose first line is the password,
     * picked in a file chooser that starts in the folder named so far.
     */
    static HBox withChooser(TextField passwordFile, String chooseId) {
        Button choose = new Button("Choose…");
        choose.setId(chooseId);
        choose.setOnAction(e -> choosePasswordFile(choose.getScene() == null ? null : choose.getScene().getWindow(),
                passwordFile.textProperty()));
        HBox.setHgrow(passwordFile, Priority.ALWAYS);
        return new HBox(6, passwordFile, choose);
    }

    /** A hint under a field, in the stylesheet's {@code hint} style. */
    static Label hint(String id, String text) {
        Label note = new Label(text);
        note.setId(id);
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        return note;
    }

    /** The one-line reason an apply did not happen, shown only when there is one. */
    static Label error(String id, StringProperty error) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setStyle("-fx-text-fill: #B8430A;");
        l.textProperty().bind(error);
        l.visibleProperty().bind(error.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static void choosePasswordFile(Window owner, StringProperty file) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Password file (its first line is the password)");
        folderOf(file.get()).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showOpenDialog(owner);
        if (chosen != null) {
            file.set(chosen.getAbsolutePath());
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
}
