package io.ltrr.app.gui;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/** Table column builders shared by the views: typed values, numbers formatted, arm chips. */
final class Cells {
    /** A cell's padding on both sides, kept out of a wrapping text's width. */
    private static final double WRAP_PADDING = 10;
    private Cells() {
    }

    static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, double width) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A numeric column: blank for null or NaN, else the value with {@code format}. */
    static <S> TableColumn<S, Number> number(String title, Function<S, Number> value, String format, double width) {
        TableColumn<S, Number> c = column(title, value, width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                boolean blank = empty || n == null || Double.isNaN(n.doubleValue());
                setText(blank ? null : String.format(Locale.ROOT, format, n.doubleValue()));
            }
        });
        c.getStyleClass().add("numeric");
        c.getProperties().put(ColumnFit.SAMPLE, String.format(Locale.ROOT, format, -10.0));
        return c;
    }

    /** A column showing one arm as a coloured chip. */
    static <S> TableColumn<S, String> arm(String title, Function<S, String> arm, double width) {
        TableColumn<S, String> c = column(title, arm, width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String a, boolean empty) {
                super.updateItem(a, empty);
                setText(null);
                setGraphic(empty || a == null ? null : ArmChips.chip(a));
            }
        });
        c.getProperties().put(ColumnFit.SAMPLE, "structured ++"); // the longest arm's chip, with its padding
        return c;
    }

    /**
     * Free text that wraps onto more lines (the row grows) instead of being cut to "…" when its column is narrow:
     * a {@link Text} whose wrapping width follows the column, as a cell's own text does not grow its row.
     */
    static <S> TableColumn<S, String> wrapping(TableColumn<S, String> c) {
        c.setCellFactory(col -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("cell-text");
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(WRAP_PADDING));
                setText(null);
            }

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                text.setText(empty || value == null ? "" : value);
                setGraphic(empty || value == null ? null : text);
            }
        });
        return c;
    }
}
