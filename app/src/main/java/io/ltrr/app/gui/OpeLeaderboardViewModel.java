package io.ltrr.app.gui;

import io.ltrr.engine.ope.Estimate;
import io.ltrr.engine.ope.OpeEstimate;
import io.ltrr.engine.ope.PolicyTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The off-policy leaderboard: what each candidate policy (the registry's policies and every single arm) would
 * have earned on the logged searches, by IPS, self-normalized IPS and doubly robust estimates with bootstrap
 * intervals, best DR first. The estimation runs in the background; the board keeps its last result meanwhile.
 */
public final class OpeLeaderboardViewModel {
    /** Where the estimates come from (the workbench's log). */
    public interface Source {
        /** The candidates: policy ids and {@code arm:ID} targets. */
        List<String> candidates();

        /** Estimates of the targets, best DR value first; throws IllegalArgumentException on an empty log. */
        List<OpeEstimate> estimate(List<String> targets, PolicyTarget.Mode mode, int bootstrap, long seed);
    }

    /** One leaderboard line, with its cells' text. */
    public record Row(int rank, String policy, int rounds, int unsupported, Estimate ips, Estimate snips,
                      Estimate dr) {
        public String ipsText() {
            return text(ips);
        }

        public String snipsText() {
            return text(snips);
        }

        public String drText() {
            return text(dr);
        }

        /** "" when every round is supported, else how many rounds the log cannot say anything about. */
        public String supportText() {
            return unsupported == 0 ? "" : unsupported + " of " + rounds + " unsupported";
        }

        static String text(Estimate e) {
            return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", e.value(), e.ciLow(), e.ciHigh());
        }
    }

    static final int DEFAULT_BOOTSTRAP = 500;
    static final long SEED = 42;

    private final Source source;
    private final BackgroundRunner runner;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<PolicyTarget.Mode> mode = new SimpleObjectProperty<>(this, "mode",
            PolicyTarget.Mode.PROGRESSIVE);
    private final IntegerProperty bootstrap = new SimpleIntegerProperty(this, "bootstrap", DEFAULT_BOOTSTRAP);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");

    public OpeLeaderboardViewModel(Source source, BackgroundRunner runner) {
        this.source = source;
        this.runner = runner;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Progressive (policies learn as the log is replayed) or frozen. */
    public ObjectProperty<PolicyTarget.Mode> modeProperty() {
        return mode;
    }

    public IntegerProperty bootstrapProperty() {
        return bootstrap;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Estimates every candidate on the log in the background; ignored while an estimation runs. */
    public void refresh() {
        if (running.get()) {
            return;
        }
        running.set(true);
        PolicyTarget.Mode m = mode.get();
        int b = Math.max(1, bootstrap.get());
        status.set("estimating on the log…");
        runner.run("ope", () -> source.estimate(source.candidates(), m, b, SEED), board -> {
            rows.setAll(rows(board));
            int rounds = board.isEmpty() ? 0 : board.getFirst().rounds();
            status.set(String.format(Locale.ROOT, "%d policies on %d logged searches, %s replay, %d bootstrap "
                    + "resamples, 95 %% intervals", board.size(), rounds, m.name().toLowerCase(Locale.ROOT), b));
            running.set(false);
        }, e -> {
            rows.clear();
            status.set("cannot estimate: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            running.set(false);
        });
    }

    static List<Row> rows(List<OpeEstimate> board) {
        ArrayList<Row> out = new ArrayList<>();
        for (OpeEstimate e : board) {
            out.add(new Row(out.size() + 1, e.target(), e.rounds(), e.unsupported(), e.ips(), e.snips(), e.dr()));
        }
        return out;
    }
}
