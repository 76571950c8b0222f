package io.ltrr.app.gui;

import io.ltrr.engine.sim.SimulationMetrics;
import io.ltrr.engine.sim.SimulationSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What a simulation run has shown so far: the latest snapshot, the chart series aggregated from it (true
 * regret, stacked window shares, reward rates) and the progress read-outs. Only the UI thread touches it.
 */
public final class SimulationChartModel {
    /** The simulated users' oracle knows every arm's expected reward, so this regret is exact, not estimated. */
    static final String REGRET_LABEL = "true regret (simulation oracle)";
    static final String CTR_TITLE = "CTR so far on the same traffic: policy vs single arms (oracle)";
    static final String UNIFORM_LINE = "uniform: a random arm each round";

    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty roundsText = new SimpleStringProperty(this, "roundsText", "");
    private final ReadOnlyObjectWrapper<ChartData> chartData = new ReadOnlyObjectWrapper<>(this, "chartData",
            ChartData.empty());
    private final ReadOnlyObjectWrapper<SimulationSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty roundsTextProperty() {
        return roundsText;
    }

    public ReadOnlyObjectProperty<ChartData> chartDataProperty() {
        return chartData.getReadOnlyProperty();
    }

    /** The latest snapshot, null before the first round and after a reset. */
    public ReadOnlyObjectProperty<SimulationSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Shows a snapshot of a run that stops at {@code limit} rounds. */
    void show(SimulationSnapshot snap, long limit) {
        snapshot.set(snap);
        chartData.set(chartData(snap));
        long rounds = snap.roundsPlayed();
        SimulationMetrics m = snap.metrics();
        progress.set(Math.min(1.0, rounds / (double) Math.max(1, limit)));
        roundsText.set(String.format(Locale.ROOT, "round %,d of %,d · regret %.1f (%.3f per round) · CTR %.3f",
                rounds, limit, m.cumulativeRegret(), m.meanRegret(), m.ctr()));
    }

    /** Back to nothing shown (a reset). */
    void clear() {
        snapshot.set(null);
        chartData.set(ChartData.empty());
        progress.set(0);
        roundsText.set("");
    }

    /** The runner's snapshot as chart data: true regret, stacked window shares, reward rate (NaN when never chosen). */
    static ChartData chartData(SimulationSnapshot snap) {
        long[] r = snap.rounds();
        double[] x = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            x[i] = r[i];
        }
        Map<String, double[]> share = new LinkedHashMap<>();
        Map<String, Double> rate = new LinkedHashMap<>();
        for (String arm : snap.arms()) {
            share.put(arm, snap.selectShare(arm));
            boolean chosen = snap.metrics().armShare().getOrDefault(arm, 0.0) > 0;
            rate.put(arm, chosen ? snap.metrics().rewardRate().get(arm) : Double.NaN);
        }
        List<ChartData.Line> ctr = new ArrayList<>();
        ctr.add(new ChartData.Line("policy", snap.ctr(), false));
        String best = bestArm(snap);
        if (best != null) {
            ctr.add(new ChartData.Line("best single arm: " + best, snap.armExpected(best), false));
            double[] uniform = new double[r.length];
            for (String arm : snap.arms()) {
                double[] e = snap.armExpected(arm);
                for (int i = 0; i < uniform.length; i++) {
                    uniform[i] += e[i] / snap.arms().size();
                }
            }
            ctr.add(new ChartData.Line(UNIFORM_LINE, uniform, false));
        }
        return new ChartData(snap.arms(), x, snap.regret(), REGRET_LABEL, share, rate, CTR_TITLE, ctr);
    }

    /** The arm with the highest mean oracle CTR over the rounds played; null before the first round. */
    static String bestArm(SimulationSnapshot snap) {
        int n = snap.points();
        String best = null;
        double top = Double.NEGATIVE_INFINITY;
        for (String arm : snap.arms()) {
            double e = n == 0 ? Double.NEGATIVE_INFINITY : snap.armExpected(arm)[n - 1];
            if (e > top) {
                top = e;
                best = arm;
            }
        }
        return best;
    }
}
