package io.ltrr.app.gui;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;

/**
 * The ranked results with the arms that retrieved each one. Feedback from the keyboard: Enter (or a
 * double-click) is a click; 0–3 or the home-row keys a s d f rate 0..3; x is "can't tell".
 */
public final class ResultsView extends TableView<ResultRow> {
    public ResultsView(MainViewModel vm) {
        setId("results");
        setItems(vm.rows());
        setPlaceholder(new Label("Type a query and press Enter (Ctrl+L focuses the query bar)"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ResultRow, List<String>> arms = Cells.column("arms", ResultRow::arms, 230);
        arms.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(List<String> a, boolean empty) {
                super.updateItem(a, empty);
                setGraphic(empty || a == null ? null : ArmChips.row(a));
            }
        });
        TableColumn<ResultRow, String> feedback = new TableColumn<>("feedback");
        feedback.setCellValueFactory(cd -> cd.getValue().feedbackProperty());
        feedback.setPrefWidth(130);
        getColumns().setAll(List.of(Cells.column("#", ResultRow::position, 40),
                Cells.column("title", ResultRow::title, 230), Cells.column("artist", ResultRow::artist, 150),
                Cells.column("type", ResultRow::type, 60), Cells.column("year", ResultRow::year, 50), arms,
                Cells.number("score", ResultRow::score, "%.4f", 70), feedback));
        getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> vm.selectedProperty().set(n));
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.click(getSelectionModel().getSelectedItem());
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() && !e.isAltDown() && handleKey(vm, e.getCode())) {
                e.consume();
            }
        });
        vm.rows().addListener((ListChangeListener<ResultRow>) c -> {
            if (!vm.rows().isEmpty()) {
                getSelectionModel().selectFirst();
            }
        });
    }

    private boolean handleKey(MainViewModel vm, KeyCode code) {
        ResultRow row = getSelectionModel().getSelectedItem();
        if (row == null) {
            return false;
        }
        if (code == KeyCode.ENTER) {
            vm.click(row);
            return true;
        }
        if (code == KeyCode.X) {
            vm.rate(row, null);
            return true;
        }
        Integer grade = grade(code);
        if (grade != null) {
            vm.rate(row, grade);
            return true;
        }
        return false;
    }

    /** The grade a key stands for: digits 0–3 (also on the keypad) and the home row a s d f. */
    static Integer grade(KeyCode code) {
        return switch (code) {
            case DIGIT0, NUMPAD0, A -> 0;
            case DIGIT1, NUMPAD1, S -> 1;
            case DIGIT2, NUMPAD2, D -> 2;
            case DIGIT3, NUMPAD3, F -> 3;
            default -> null;
        };
    }
}
