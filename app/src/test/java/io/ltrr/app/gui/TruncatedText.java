package io.ltrr.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Finds text the window shows cut short ("2…", "rew…"): every visible {@link Labeled} (labels, buttons, tab and
 * column headers, menu bar buttons, combo box cells, and the cells of tables, tree tables, lists and trees) whose
 * rendered text (its skin's {@code LabeledText}, which holds the clipped string) differs from its full text and
 * ends in, or is cut to, the ellipsis. Read on the UI thread.
 */
final class TruncatedText {
    private TruncatedText() {
    }

    /** One cut text: where it is, what it should say and what it shows. */
    record Cut(String where, String full, String shown) {
        @Override
        public String toString() {
            return where + ": \"" + full + "\" shown as \"" + shown + "\"";
        }
    }

    /** Every visible cut text under {@code root} (hidden subtrees, such as unselected tabs, are skipped). */
    static List<Cut> find(Node root) {
        List<Cut> cuts = new ArrayList<>();
        walk(root, cuts);
        return cuts;
    }

    /**
     * The controls and labels that run off the right or bottom edge of the window (a row laid out wider than the
     * window is clipped there, not ellipsized): the outermost such node of each branch, with its minimum width.
     */
    static List<Cut> offWindow(Node root) {
        List<Cut> out = new ArrayList<>();
        double width = root.getScene().getWidth();
        double height = root.getScene().getHeight();
        offWindow(root, width, height, out);
        return out;
    }

    private static void offWindow(Node node, double width, double height, List<Cut> out) {
        if (!node.isVisible() || emptyCell(node) || node instanceof VirtualFlow<?>
                || node.getStyleClass().contains("viewport")) {
            return; // what a table, tree, list or scroll pane scrolls to is reachable
        }
        var b = node.localToScene(node.getLayoutBounds());
        if ((node instanceof Control || node instanceof Region) && (b.getMaxX() > width + 1
                || b.getMaxY() > height + 1) && b.getMinX() < width && b.getMinY() < height) {
            String text = node instanceof Labeled l ? l.getText() : "";
            out.add(new Cut(node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId())
                    + (node instanceof Region r ? " (min width " + Math.round(r.minWidth(-1)) + ")" : "")
                    + String.format(java.util.Locale.ROOT, " at x %.0f-%.0f, y %.0f-%.0f", b.getMinX(),
                    b.getMaxX(), b.getMinY(), b.getMaxY()) + " runs off the " + Math.round(width) + "x"
                    + Math.round(height) + " window", text == null ? "" : text, ""));
            return;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                offWindow(child, width, height, out);
            }
        }
    }

    /** Visible labeled nodes under {@code root} with text (the walk covers them; tests check it sees enough). */
    static long countTexts(Node root) {
        List<Labeled> all = new ArrayList<>();
        collect(root, all);
        return all.stream().filter(l -> l.getText() != null && !l.getText().isEmpty()).count();
    }

    private static void collect(Node node, List<Labeled> out) {
        if (!node.isVisible() || emptyCell(node)) {
            return;
        }
        if (node instanceof Labeled l) {
            out.add(l);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private static void walk(Node node, List<Cut> cuts) {
        if (!node.isVisible() || emptyCell(node)) {
            return;
        }
        if (node instanceof Labeled l) {
            check(l, cuts);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, cuts);
            }
        }
    }

    /** Cells a virtual flow keeps for reuse hold stale text; they are not shown. */
    private static boolean emptyCell(Node node) {
        return node instanceof IndexedCell<?> cell && cell.isEmpty();
    }

    private static void check(Labeled l, List<Cut> cuts) {
        String full = l.getText();
        if (full == null || full.isEmpty() || l.getWidth() <= 0) {
            return;
        }
        Text rendered = renderedText(l);
        if (rendered == null) {
            return;
        }
        String expected = l.isMnemonicParsing() ? full.replaceFirst("_(?=.)", "") : full;
        String shown = rendered.getText() == null ? "" : rendered.getText();
        if (shown.equals(expected)) {
            return;
        }
        String ellipsis = l.getEllipsisString() == null ? "" : l.getEllipsisString();
        if (shown.isEmpty() || (!ellipsis.isEmpty() && shown.contains(ellipsis))) {
            cuts.add(new Cut(describe(l), full, shown));
        }
    }

    /** The skin's text node ({@code LabeledText}, a direct child of the labeled), or null before the skin. */
    private static Text renderedText(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getClass().getSimpleName().equals("LabeledText")) {
                return t.isVisible() ? t : null;
            }
        }
        return null;
    }

    /** "Label#learned in #selection" or "TableCell[year] in #results". */
    private static String describe(Labeled l) {
        StringBuilder out = new StringBuilder(l.getClass().getSimpleName().isEmpty()
                ? l.getClass().getSuperclass().getSimpleName() : l.getClass().getSimpleName());
        if (l.getId() != null) {
            out.append('#').append(l.getId());
        }
        if (l instanceof TableCell<?, ?> c && c.getTableColumn() != null) {
            out.append('[').append(c.getTableColumn().getText()).append(']');
        } else if (l instanceof TreeTableCell<?, ?> c && c.getTableColumn() != null) {
            out.append('[').append(c.getTableColumn().getText()).append(']');
        }
        List<String> ancestors = new ArrayList<>();
        for (Parent p = l.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                ancestors.add("#" + p.getId());
            } else if (p.getStyleClass().contains("column-header") || p.getStyleClass().contains("tab")) {
                ancestors.add("." + p.getStyleClass().getLast());
            }
        }
        if (!ancestors.isEmpty()) {
            out.append(" in ").append(String.join(" < ", ancestors.subList(0, Math.min(3, ancestors.size()))));
        }
        return out.toString();
    }
}
