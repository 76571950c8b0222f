package io.ltrr.app.gui;

import io.ltrr.engine.api.StoreChoice;
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
 * File ▸ Feedback store…: this folder's H2 database or a PostgreSQL database (URL, user, password file — never a
 * password field). OK checks the form and reopens the workbench on the chosen store, then closes; a failure stays
 * open with its one-line reason, the workbench still on its store. While it opens, OK and Cancel wait for it.
 */
public final class StoreDialog extends Dialog<ButtonType> {
    private final StoreViewModel vm;

    /** @param owner the main window (null in a test without one) */
    public StoreDialog(StoreViewModel vm, Window owner, String dataFolder) {
        this.vm = vm;
        SettingsForm.dress(this, owner, "store-dialog");
        setTitle("Feedback store — " + dataFolder);
        getDialogPane().setContent(content());
        getDialogPane().setPrefWidth(640);
        Button cancel = SettingsForm.okCancel(this, "store", "Switch", vm.runningProperty(), vm::apply);
        cancel.disableProperty().bind(vm.runningProperty());
        setOnCloseRequest(e -> {
            if (vm.runningProperty().get()) {
                e.consume();
            }
        });
    }

    /** For the README's picture: PostgreSQL chosen, {@code url} and {@code user} typed, nothing applied. */
    void fillExample(String url, String user) {
        vm.postgresqlProperty().set(true);
        vm.urlProperty().set(url);
        vm.userProperty().set(user);
    }

    private VBox content() {
        Label intro = new Label("Where clicks, ratings and what the policies learn are saved. A PostgreSQL database "
                + "can be shared by a team's workbenches; this folder's index and settings stay here. Switching "
                + "reopens the workbench on the chosen store and remembers it for this folder.");
        intro.setWrapText(true);
        RadioButton h2 = new RadioButton("_This folder's H2 database (feedback.mv.db)");
        h2.setId("store-h2");
        RadioButton postgresql = new RadioButton("_PostgreSQL database (shared)");
        postgresql.setId("store-postgresql");
        SettingsForm.either(h2, postgresql, vm.postgresqlProperty());

        TextField url = SettingsForm.field("store-url", "postgresql://localhost:5432/ltrr", vm.urlProperty());
        TextField user = SettingsForm.field("store-user", "your user name: " + System.getProperty("user.name", ""),
                vm.userProperty());
        TextField passwordFile = SettingsForm.field("store-password-file", "none: $" + StoreChoice.PASSWORD_ENV,
                vm.passwordFileProperty());

        GridPane server = SettingsForm.grid();
        server.addRow(0, SettingsForm.label("_URL", url), url);
        server.addRow(1, SettingsForm.label("U_ser", user), user);
        server.addRow(2, SettingsForm.label("Pass_word file", passwordFile),
                SettingsForm.withChooser(passwordFile, "store-password-choose"));
        server.add(SettingsForm.hint("store-password-note", StoreViewModel.PASSWORD_NOTE), 1, 3);
        server.disableProperty().bind(vm.postgresqlProperty().not().or(vm.runningProperty()));
        h2.disableProperty().bind(vm.runningProperty());
        postgresql.disableProperty().bind(vm.runningProperty());

        Label opening = SettingsForm.hint("store-opening", "opening the store…");
        opening.visibleProperty().bind(vm.runningProperty());
        opening.managedProperty().bind(opening.visibleProperty());

        VBox box = new VBox(10, intro, h2, postgresql, server, SettingsForm.error("store-error", vm.errorProperty()),
                opening);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }
}
