package io.ltrr.app.gui;

import io.ltrr.app.gui.ResultRow.Rated;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;

/**
 * The ranked results with the arms that retrieved each one and their grade chips. Keyboard-first: a new result
 * list takes the focus on its first row; ↑/↓ or j/k move; Enter or space (or a double-click) is a click; 0–3 or the
 * home-row keys a s d f rate 0..3 and x is "can't tell", each moving on to the next unrated row; Esc goes back to
 * the query. The mouse rates by clicking a grade chip.
 */
public final class ResultsView extends TableView<ResultRow> {
    /** Room for one compact arm chip (a code of up to four capitals) and the gap after it. */
    private static final double ARM_CHIP_WIDTH = 40;
    private static final PseudoClass EXPLORATION = PseudoClass.getPseudoClass("exploration");
    private final MainViewModel vm;
    /** Demo mode's larger type widens the columns whose width is set (they are in pixels). */
    private final ReadOnlyDoubleProperty scale = Theme.typeScale(this);
    private Runnable onEscape = () -> { };

    public ResultsView(MainViewModel vm) {
        this.vm = vm;
        setId("results");
        setItems(vm.rows());
        setPlaceholder(new Label("Type a query and press Enter (Ctrl+L focuses the query bar)"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<TableColumn<ResultRow, ?>> details = List.of(fixed(Cells.column("type", ResultRow::type, 46)),
                fixed(Cells.column("year", ResultRow::year, 44)),
                fixed(Cells.number("score", ResultRow::score, "%.4f", 60)));
        TableColumn<ResultRow, String> feedback = feedbackColumn();
        TableColumn<ResultRow, String> title = readable(Cells.wrapping(Cells.column("title", ResultRow::title, 180)),
                120);
        TableColumn<ResultRow, String> artist = readable(Cells.wrapping(Cells.column("artist", ResultRow::artist,
                110)), 80);
        getColumns().setAll(List.of(fixed(positionColumn()), title, artist, details.get(0), details.get(1),
                armsColumn(), details.get(2), gradeColumn(), feedback));
        // When the table is too narrow for every column whole (demo mode's larger type in half a window): type,
        // year and score step aside (the explanation shows them), then the feedback note, so the titles, artists,
        // arms and grades stay whole.
        ColumnFit.install(this, List.of(details.get(0), details.get(1), details.get(2), feedback),
                List.of(title, artist));
        getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> vm.selectedProperty().set(n));
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.click(getSelectionModel().getSelectedItem());
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() && !e.isAltDown() && handleKey(e.getCode())) {
                e.consume();
            }
        });
        vm.rows().addListener((ListChangeListener<ResultRow>) c -> {
            if (!vm.rows().isEmpty()) {
                select(0);
                requestFocus();
            }
        });
        vm.judgeRowProperty().addListener((obs, o, n) -> {
            if (n.intValue() >= 0 && n.intValue() < getItems().size()) {
                select(n.intValue());
                requestFocus();
            }
        });
    }

    /** The rank; an exploration result's is marked "4*" and says why in a tooltip (ADR 0008). */
    private TableColumn<ResultRow, String> positionColumn() {
        TableColumn<ResultRow, String> c = Cells.column("#", ResultRow::positionLabel, 34);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String label, boolean empty) {
                super.updateItem(label, empty);
                setText(empty ? null : label);
                boolean exploring = !empty && label != null && label.endsWith("*");
                setTooltip(exploring ? new Tooltip("exploration: brought by the explore arm alone, shown at a "
                        + "marked slot (at most two per page by default) so the bandit keeps learning") : null);
                pseudoClassStateChanged(EXPLORATION, exploring);
            }
        });
        return c;
    }

    /** Short values are never cut ("20…"): title and artist give way instead when the table is narrow. */
    private <T> TableColumn<ResultRow, T> fixed(TableColumn<ResultRow, T> c) {
        return scaled(c, c.getPrefWidth());
    }

    /** A column that gives way when the table is narrow, down to {@code min} (times the type scale). */
    private <T> TableColumn<ResultRow, T> readable(TableColumn<ResultRow, T> c, double min) {
        Runnable apply = () -> c.setMinWidth(min * scale.get());
        scale.addListener((obs, o, n) -> apply.run());
        apply.run();
        return c;
    }

    /**
     * Keeps the column at least {@code width} (times the type scale) wide; set, not bound, so the user can still
     * widen it by dragging.
     */
    private <T> TableColumn<ResultRow, T> scaled(TableColumn<ResultRow, T> c, double width) {
        Runnable apply = () -> {
            c.setMinWidth(width * scale.get());
            c.setPrefWidth(Math.max(c.getPrefWidth(), width * scale.get()));
        };
        scale.addListener((obs, o, n) -> apply.run());
        apply.run();
        return c;
    }

    /** What Esc does in the table (the main view focuses the query). */
    public void setOnEscape(Runnable action) {
        onEscape = action;
    }

    private TableColumn<ResultRow, ResultRow> armsColumn() {
        TableColumn<ResultRow, ResultRow> arms = Cells.column("arms", r -> r, 132);
        // Wide enough for every chip of the row with the most arms: none is ever clipped.
        Runnable fit = () -> {
            int most = vm.rows().stream().mapToInt(r -> r.ranked().provenance().size()).max().orElse(3);
            double min = scale.get() * (ARM_CHIP_WIDTH * Math.max(3, most) + 12);
            arms.setMinWidth(min);
            arms.setPrefWidth(Math.max(arms.getPrefWidth(), min));
        };
        vm.rows().addListener((ListChangeListener<ResultRow>) c -> fit.run());
        scale.addListener((obs, o, n) -> fit.run());
        fit.run();
        arms.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ResultRow r, boolean empty) {
                super.updateItem(r, empty);
                setGraphic(empty || r == null ? null : ArmChips.compact(r.ranked().provenance()));
                setTooltip(empty || r == null ? null : new Tooltip(ArmChips.describe(r.ranked().provenance())));
            }
        });
        return arms;
    }

    private TableColumn<ResultRow, Optional<Rated>> gradeColumn() {
        TableColumn<ResultRow, Optional<Rated>> grade = new TableColumn<>("grade");
        grade.setId("grade-column");
        grade.setCellValueFactory(cd -> {
            ResultRow row = cd.getValue();
            return Bindings.createObjectBinding(() -> row.shown(vm.context().annotatorName()), row.ratingProperty(),
                    row.earlierProperty(), vm.context().annotatorProperty());
        });
        grade.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Optional<Rated> shown, boolean empty) {
                super.updateItem(shown, empty);
                ResultRow row = empty ? null : getTableRow().getItem();
                setGraphic(row == null || shown == null ? null
                        : new GradeChips(vm.gradeScaleProperty().get(), shown, g -> vm.rate(row, g)));
            }
        });
        return scaled(grade, 180);
    }

    private TableColumn<ResultRow, String> feedbackColumn() {
        TableColumn<ResultRow, String> feedback = new TableColumn<>("feedback");
        feedback.setCellValueFactory(cd -> {
            ResultRow row = cd.getValue();
            return Bindings.createStringBinding(() -> feedbackText(row), row.feedbackProperty(),
                    row.earlierProperty(), vm.context().annotatorProperty());
        });
        feedback.setCellFactory(col -> new TableCell<>() {
            {
                getStyleClass().add("feedback-note");
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                ResultRow row = empty ? null : getTableRow().getItem();
                setText(row == null ? null : text);
                String tip = row == null ? "" : JudgmentNotes.tooltip(row.earlierProperty().get(),
                        vm.context().annotatorName(), vm.gradeScaleProperty().get());
                setTooltip(tip.isEmpty() ? null : new Tooltip(tip));
            }
        });
        feedback.setPrefWidth(120);
        return feedback;
    }

    /** "clicked", then the other judges' earlier grades ("bo 1 · team 3"; the tooltip says more). */
    private String feedbackText(ResultRow row) {
        String note = JudgmentNotes.note(row.earlierProperty().get(), vm.context().annotatorName());
        String clicked = row.feedbackProperty().get();
        if (note.isEmpty()) {
            return clicked;
        }
        return (clicked.isEmpty() ? "" : clicked + " · ") + note;
    }

    private void select(int index) {
        getSelectionModel().clearAndSelect(index);
        getFocusModel().focus(index);
        scrollTo(Math.max(0, index - 3));
    }

    private boolean handleKey(KeyCode code) {
        if (code == KeyCode.ESCAPE) {
            onEscape.run();
            return true;
        }
        int index = getSelectionModel().getSelectedIndex();
        ResultRow row = getSelectionModel().getSelectedItem();
        if (row == null) {
            return false;
        }
        switch (code) {
            case ENTER, SPACE -> vm.click(row);
            case J -> select(Math.min(index + 1, getItems().size() - 1));
            case K -> select(Math.max(index - 1, 0));
            case X -> rateAndMove(row, index, null);
            default -> {
                Integer grade = grade(code);
                if (grade == null) {
                    return false;
                }
                rateAndMove(row, index, grade);
            }
        }
        return true;
    }

    private void rateAndMove(ResultRow row, int index, Integer grade) {
        vm.rate(row, grade);
        select(vm.nextToRate(index));
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
