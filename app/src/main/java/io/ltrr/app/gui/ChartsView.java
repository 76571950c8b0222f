package io.ltrr.app.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The live charts: cumulative regret, each arm's share of the selections over time (stacked), and each
 * arm's reward rate. Arm colours come from {@link ArmColors}. Draw only on the UI thread.
 */
public final class ChartsView extends GridPane {
    /** Longer runs are thinned to about this many points per series, so redrawing stays cheap. */
    static final int MAX_POINTS = 400;

    private final XYSeriesCollection regret = new XYSeriesCollection();
    private final DefaultTableXYDataset share = new DefaultTableXYDataset();
    private final DefaultCategoryDataset rate = new DefaultCategoryDataset();
    private final JFreeChart regretChart;
    private final JFreeChart shareChart;
    private final JFreeChart rateChart;
    private long updates;

    public ChartsView() {
        setId("charts");
        regretChart = ChartFactory.createXYLineChart("Cumulative regret", "round", "regret", regret);
        shareChart = ChartFactory.createStackedXYAreaChart("Arm share of selections", "round", "share", share);
        rateChart = ChartFactory.createBarChart("Reward rate per arm (when chosen)", "", "mean reward", rate,
                PlotOrientation.VERTICAL, true, true, false);
        for (JFreeChart c : List.of(regretChart, shareChart, rateChart)) {
            c.setBackgroundPaint(Color.WHITE);
            c.getPlot().setBackgroundPaint(new Color(0xF7F7F7));
        }
        add(viewer(regretChart, "regret-chart"), 0, 0, 2, 1);
        add(viewer(shareChart, "share-chart"), 0, 1);
        add(viewer(rateChart, "rate-chart"), 1, 1);
    }

    private static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.setPrefSize(500, 300);
        GridPane.setHgrow(v, Priority.ALWAYS);
        GridPane.setVgrow(v, Priority.ALWAYS);
        return v;
    }

    /** How many times the charts were redrawn with new data (tests watch it move). */
    public long updates() {
        return updates;
    }

    /** Replaces what the charts show. */
    public void show(ChartData d) {
        updates++;
        int step = Math.max(1, d.rounds() / MAX_POINTS);
        XYSeries r = new XYSeries(d.regretLabel().isEmpty() ? "regret" : d.regretLabel(), false, false);
        for (int t = 0; t < d.rounds(); t += step) {
            r.add(t + 1, d.regret()[t], false);
        }
        regret.removeAllSeries();
        regret.addSeries(r);
        regretChart.setTitle("Cumulative " + (d.regretLabel().isEmpty() ? "regret" : d.regretLabel()));
        XYPlot regretPlot = regretChart.getXYPlot();
        regretPlot.getRenderer().setSeriesPaint(0, new Color(0x333333));
        regretPlot.getRenderer().setSeriesStroke(0, new BasicStroke(2f));

        share.removeAllSeries();
        rate.clear();
        XYPlot sharePlot = shareChart.getXYPlot();
        CategoryPlot ratePlot = rateChart.getCategoryPlot();
        for (int i = 0; i < d.arms().size(); i++) {
            String arm = d.arms().get(i);
            XYSeries s = new XYSeries(arm, false, false);
            double[] values = d.share().get(arm);
            for (int t = 0; t < d.rounds(); t += step) {
                s.add(t + 1, values[t], false);
            }
            share.addSeries(s);
            sharePlot.getRenderer().setSeriesPaint(i, ArmColors.awt(arm));
            double rr = d.rewardRate().getOrDefault(arm, Double.NaN);
            rate.addValue(Double.isNaN(rr) ? 0 : rr, arm, "arms");
            ratePlot.getRenderer().setSeriesPaint(i, ArmColors.awt(arm));
        }
    }
}
