package io.ltrr.app.gui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps a table readable at any window size and type size (demo mode): no column is narrower than its header at the
 * current type ("rew…" never shows), and when the table is too narrow for every column at its minimum width, the
 * secondary columns step aside, the first named first, and come back once there is room. Columns keep their own
 * minimum widths for their values (the views set them, scaled with the type); this adds the header's floor.
 */
final class ColumnFit {
    /** The workbench's type size at scale 1 (the stylesheet's {@code .workbench}). */
    private static final double TYPE = 12;
    /** A header's padding, borders and a sort arrow's room, at scale 1. */
    private static final double HEADER_PADDING = 18;
    /** The vertical scroll bar and the table's borders. */
    private static final double SCROLL_BAR = 20;
    /** A cell's padding and borders, at scale 1. */
    private static final double CELL_PADDING = 12;
    /** Free text wider than this (pixels at scale 1) is cut rather than hiding more columns. */
    static final double MAX_WHOLE = 320;
    /** A column property: a typical widest value ("-10.000"), whose width the column keeps at least. */
    static final String SAMPLE = "ltrr.sample";

    private final TableView<?> table;
    private final ReadOnlyDoubleProperty scale;
    private final List<TableColumn<?, ?>> hideOrder;
    private final List<TableColumn<?, ?>> whole;
    /** Each column's own minimum width, as its view last set it (this class raises the column's real one). */
    private final Map<TableColumn<?, ?>, Double> base = new HashMap<>();
    private boolean fitting;

    private ColumnFit(TableView<?> table, List<? extends TableColumn<?, ?>> hideOrder,
                      List<? extends TableColumn<?, ?>> whole) {
        this.table = table;
        this.scale = Theme.typeScale(table);
        this.hideOrder = List.copyOf(hideOrder);
        this.whole = List.copyOf(whole);
        InvalidationListener refit = obs -> fit();
        table.widthProperty().addListener(refit);
        table.getItems().addListener(refit);
        scale.addListener(refit);
        for (TableColumn<?, ?> c : table.getColumns()) {
            base.put(c, c.getMinWidth());
            c.minWidthProperty().addListener(obs -> {
                if (!fitting) {
                    base.put(c, c.getMinWidth()); // the view's own minimum (scaled with the type)
                    fit();
                }
            });
        }
        fit();
    }

    /**
     * Fits {@code table}'s columns from now on; {@code hideOrder} are the columns that may step aside when it is
     * narrow, the first first (the others always show).
     */
    static void install(TableView<?> table, List<? extends TableColumn<?, ?>> hideOrder) {
        install(table, hideOrder, List.of());
    }

    /**
     * As {@link #install(TableView, List)}, and in demo mode the secondary columns also step aside while a value of
     * a {@code whole} column (free text: titles, artists) would not fit on one line, up to {@link #MAX_WHOLE}
     * pixels of it.
     */
    static void install(TableView<?> table, List<? extends TableColumn<?, ?>> hideOrder,
                        List<? extends TableColumn<?, ?>> whole) {
        new ColumnFit(table, hideOrder, whole);
    }

    /** The width of the widest value of {@code column} in a cell, at most {@link #MAX_WHOLE} (times the scale). */
    private double wholeWidth(TableColumn<?, ?> column, double scale) {
        double widest = 0;
        for (int i = 0; i < table.getItems().size(); i++) {
            Object value = column.getCellData(i);
            if (value != null) {
                widest = Math.max(widest, textWidth(value.toString(), scale));
            }
        }
        return Math.min(MAX_WHOLE * scale, widest);
    }

    /** The width a column needs at least: its own minimum, its header, and a sample value when it has one. */
    private double floor(TableColumn<?, ?> c, double scale) {
        double floor = Math.max(base.getOrDefault(c, c.getMinWidth()),
                headerWidth(c.getText() == null ? "" : c.getText(), scale));
        if (c.getProperties().get(SAMPLE) instanceof String sample) {
            floor = Math.max(floor, textWidth(sample, scale));
        }
        return floor;
    }

    /** The width of {@code title} as a column header at type scale {@code scale}, padding included. */
    static double headerWidth(String title, double scale) {
        Text text = new Text(title);
        text.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, TYPE * scale));
        return Math.ceil(text.getLayoutBounds().getWidth() + HEADER_PADDING * scale);
    }

    private static double textWidth(String value, double scale) {
        Text text = new Text(value);
        text.setFont(Font.font(Font.getDefault().getFamily(), TYPE * scale));
        return Math.ceil(text.getLayoutBounds().getWidth() + CELL_PADDING * scale);
    }

    private void fit() {
        if (fitting) {
            return; // our own min-width changes come back here
        }
        fitting = true;
        try {
            double s = scale.get();
            List<TableColumn<?, ?>> columns = new ArrayList<>(table.getColumns());
            Map<TableColumn<?, ?>, Double> floors = new HashMap<>();
            Map<TableColumn<?, ?>, Double> needs = new HashMap<>();
            for (TableColumn<?, ?> c : columns) {
                double floor = floor(c, s);
                floors.put(c, floor);
                // whole free text is worth a secondary column in demo mode only (a wrapped title is harder to
                // read from the back of a room); at the normal type the title wraps and the year stays
                needs.put(c, whole.contains(c) && s > 1 ? Math.max(floor, wholeWidth(c, s)) : floor);
            }
            double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR;
            double need = needs.values().stream().mapToDouble(Double::doubleValue).sum();
            List<TableColumn<?, ?>> hidden = new ArrayList<>();
            for (TableColumn<?, ?> c : hideOrder) {
                if (table.getWidth() <= 0 || need <= room) {
                    break;
                }
                hidden.add(c);
                need -= needs.get(c);
            }
            boolean fits = need <= room;
            for (TableColumn<?, ?> c : columns) {
                c.setVisible(!hidden.contains(c));
                c.setMinWidth(fits ? needs.get(c) : floors.get(c));
            }
        } finally {
            fitting = false;
        }
    }
}
