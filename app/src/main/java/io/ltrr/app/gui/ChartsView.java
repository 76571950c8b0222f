package io.ltrr.app.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The live charts: cumulative regret and regret per round as a rolling mean (the curve that falls as the policy
 * learns; both hidden when regret is unknown), the CTR against baselines, each arm's share of the selections over
 * time (stacked), and each arm's reward rate. Round axes tick on whole rounds. Arm colours come from
 * {@link ArmColors}. Draw only on the UI thread.
 */
public final class ChartsView extends GridPane {
    /** Longer runs are thinned to about this many points per series, so redrawing stays cheap. */
    static final int MAX_POINTS = 400;

    private static final float TITLE_SIZE = 18f;
    private static final float LABEL_SIZE = 12f;
    private static final float TICK_SIZE = 10f;
    /** The CTR chart's lines: the policy dark, the baselines in colours unlike the arm colours' greys. */
    private static final Color[] CTR_COLORS = {new Color(0x333333), new Color(0x1F77B4), new Color(0xE67E22),
        new Color(0x2CA02C)};

    private final JFreeChart regretChart;
    private final JFreeChart perRoundChart;
    private final JFreeChart ctrChart;
    private final JFreeChart shareChart;
    private final JFreeChart rateChart;
    private final ChartViewer regretViewer;
    private final ChartViewer perRoundViewer;
    private final ChartViewer ctrViewer;
    private final ChartViewer shareViewer;
    private final ChartViewer rateViewer;
    private boolean compact;
    private long updates;

    public ChartsView() {
        this("charts", "Arm share of selections");
    }

    /**
     * @param id         the node id
     * @param shareTitle title of the stacked share chart (says over which rounds the share is taken)
     */
    public ChartsView(String id, String shareTitle) {
        setId(id);
        regretChart = ChartFactory.createXYLineChart("Cumulative regret", "round", "regret",
                new XYSeriesCollection());
        perRoundChart = ChartFactory.createXYLineChart("Regret per round (rolling mean)", "round",
                "regret per round", new XYSeriesCollection());
        ctrChart = ChartFactory.createXYLineChart("CTR", "round", "CTR", new XYSeriesCollection());
        shareChart = ChartFactory.createStackedXYAreaChart(shareTitle, "round", "share",
                new DefaultTableXYDataset());
        rateChart = ChartFactory.createBarChart("Reward rate per arm (when chosen)", "", "mean reward",
                new DefaultCategoryDataset(), PlotOrientation.VERTICAL, true, true, false);
        for (JFreeChart c : all()) {
            c.setBackgroundPaint(Color.WHITE);
            c.getPlot().setBackgroundPaint(new Color(0xF7F7F7));
            // room on the right, so the right-most round label is not clipped
            c.setPadding(new RectangleInsets(4, 4, 4, 24));
            if (c.getPlot() instanceof XYPlot p) {
                NumberAxis rounds = (NumberAxis) p.getDomainAxis();
                rounds.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
            }
        }
        regretViewer = viewer(regretChart, id + "-regret");
        perRoundViewer = viewer(perRoundChart, id + "-per-round");
        ctrViewer = viewer(ctrChart, id + "-ctr");
        shareViewer = viewer(shareChart, id + "-share");
        rateViewer = viewer(rateChart, id + "-rate");
        arrange();
    }

    /**
     * Two charts side by side (cumulative regret and the arms' share: what the bandit learns), instead of five, for
     * demo mode in a short window where five would each be too small to read; false brings the five back.
     */
    public void setCompact(boolean compact) {
        if (compact != this.compact) {
            this.compact = compact;
            arrange();
        }
    }

    private void arrange() {
        getChildren().clear();
        if (!regretViewer.isVisible()) {
            // no regret (live feedback): the CTR takes the top row, no quarter of the tab stays empty
            add(ctrViewer, 0, 0, 2, 1);
            add(shareViewer, 0, 1);
            add(rateViewer, 1, 1);
        } else if (compact) {
            add(regretViewer, 0, 0);
            add(shareViewer, 1, 0);
        } else {
            add(regretViewer, 0, 0);
            add(perRoundViewer, 1, 0);
            add(ctrViewer, 2, 0);
            add(shareViewer, 0, 1, 2, 1);
            add(rateViewer, 2, 1);
        }
    }

    private List<JFreeChart> all() {
        return List.of(regretChart, perRoundChart, ctrChart, shareChart, rateChart);
    }

    /** The rounds over which the regret per round is averaged: a tenth of the run, 10 to 500 rounds. */
    static long rollingWindow(long rounds) {
        return Math.max(10, Math.min(500, rounds / 10));
    }

    /** The round axis of the cumulative regret chart (tests check its ticks). */
    NumberAxis roundAxis() {
        return (NumberAxis) regretChart.getXYPlot().getDomainAxis();
    }

    /** The series of a chart by name ("per-round", "ctr"): label → its points (tests read them). */
    XYSeriesCollection series(String chart) {
        JFreeChart c = switch (chart) {
            case "regret" -> regretChart;
            case "per-round" -> perRoundChart;
            case "ctr" -> ctrChart;
            default -> throw new IllegalArgumentException("unknown chart " + chart);
        };
        return (XYSeriesCollection) c.getXYPlot().getDataset();
    }

    private static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.setPrefSize(500, 300);
        v.setMinSize(160, 100); // the charts give way to the cards and controls above them, not the window's edge
        GridPane.setHgrow(v, Priority.ALWAYS);
        GridPane.setVgrow(v, Priority.ALWAYS);
        return v;
    }

    /** How many times the charts were redrawn with new data (tests watch it move). */
    public long updates() {
        return updates;
    }

    /** Points of the regret series now drawn (tests watch the charts gain points). */
    int shownPoints() {
        var data = regretChart.getXYPlot().getDataset();
        return data == null || data.getSeriesCount() == 0 ? 0 : data.getItemCount(0);
    }

    /**
     * Replaces what the charts show. Each chart is told once, after all its data is in place, so it redraws
     * once per call (not once per series).
     */
    public void show(ChartData d) {
        updates++;
        int step = Math.max(1, d.points() / MAX_POINTS);
        String label = d.regretLabel().isEmpty() ? "regret" : d.regretLabel();
        XYSeriesCollection regret = new XYSeriesCollection();
        XYSeries r = new XYSeries(label, false, false);
        for (int t = 0; t < d.regret().length; t += step) {
            r.add(d.round()[t], d.regret()[t], false);
        }
        regret.addSeries(r);
        long window = rollingWindow(d.rounds());
        double[] rolling = ChartData.rollingRegret(d.round(), d.regret(), window);
        XYSeriesCollection perRound = new XYSeriesCollection();
        XYSeries pr = new XYSeries("regret per round, mean of the last " + window + " rounds", false, false);
        for (int t = 0; t < rolling.length; t += step) {
            pr.add(d.round()[t], rolling[t], false);
        }
        perRound.addSeries(pr);
        XYSeriesCollection ctr = new XYSeriesCollection();
        for (ChartData.Line line : d.ctr()) {
            XYSeries s = new XYSeries(line.label(), false, false);
            for (int t = 0; t < d.points(); t += step) {
                s.add(d.round()[t], line.values()[t], false);
            }
            ctr.addSeries(s);
        }
        DefaultTableXYDataset share = new DefaultTableXYDataset();
        DefaultCategoryDataset rate = new DefaultCategoryDataset();
        for (String arm : d.arms()) {
            XYSeries s = new XYSeries(arm, false, false);
            double[] values = d.share().get(arm);
            for (int t = 0; t < d.points(); t += step) {
                s.add(d.round()[t], values[t], false);
            }
            share.addSeries(s);
            double rr = d.rewardRate().getOrDefault(arm, Double.NaN);
            rate.addValue(Double.isNaN(rr) ? 0 : rr, arm, "arms");
        }
        for (JFreeChart c : all()) {
            c.setNotify(false);
        }
        boolean hadRegret = regretViewer.isVisible();
        regretViewer.setVisible(d.hasRegret() || d.points() == 0);
        regretViewer.setManaged(regretViewer.isVisible());
        perRoundViewer.setVisible(regretViewer.isVisible());
        perRoundViewer.setManaged(regretViewer.isVisible());
        if (hadRegret != regretViewer.isVisible()) {
            arrange();
        }
        regretChart.setTitle("Cumulative " + label);
        XYPlot perRoundPlot = perRoundChart.getXYPlot();
        perRoundPlot.setDataset(perRound);
        perRoundPlot.getRenderer().setSeriesPaint(0, new Color(0xB03A2E));
        perRoundPlot.getRenderer().setSeriesStroke(0, new BasicStroke(2f));
        ctrChart.setTitle(d.ctrTitle().isEmpty() ? "CTR" : d.ctrTitle());
        XYPlot ctrPlot = ctrChart.getXYPlot();
        ctrPlot.setDataset(ctr);
        for (int i = 0; i < d.ctr().size(); i++) {
            boolean band = d.ctr().get(i).band();
            ctrPlot.getRenderer().setSeriesPaint(i, band ? new Color(0x999999) : CTR_COLORS[i % CTR_COLORS.length]);
            ctrPlot.getRenderer().setSeriesStroke(i, band
                    ? new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f)
                    : new BasicStroke(2f));
        }
        XYPlot regretPlot = regretChart.getXYPlot();
        regretPlot.setDataset(regret);
        regretPlot.getRenderer().setSeriesPaint(0, new Color(0x333333));
        regretPlot.getRenderer().setSeriesStroke(0, new BasicStroke(2f));
        XYPlot sharePlot = shareChart.getXYPlot();
        sharePlot.setDataset(share);
        CategoryPlot ratePlot = rateChart.getCategoryPlot();
        ratePlot.setDataset(rate);
        for (int i = 0; i < d.arms().size(); i++) {
            sharePlot.getRenderer().setSeriesPaint(i, ArmColors.awt(d.arms().get(i)));
            ratePlot.getRenderer().setSeriesPaint(i, ArmColors.awt(d.arms().get(i)));
        }
        for (JFreeChart c : all()) {
            c.setNotify(true);
        }
    }

    /** Larger titles, axis labels and legends (demo mode); chart text is not styled by CSS. */
    public void setLarge(boolean large) {
        float scale = large ? 1.45f : 1f;
        for (JFreeChart c : all()) {
            c.setNotify(false);
            c.getTitle().setFont(c.getTitle().getFont().deriveFont(TITLE_SIZE * scale));
            if (c.getLegend() != null) {
                c.getLegend().setItemFont(c.getLegend().getItemFont().deriveFont(TICK_SIZE * scale));
            }
            if (c.getPlot() instanceof XYPlot p) {
                scale(p.getDomainAxis(), scale);
                scale(p.getRangeAxis(), scale);
            } else if (c.getPlot() instanceof CategoryPlot p) {
                scale(p.getDomainAxis(), scale);
                scale(p.getRangeAxis(), scale);
            }
            c.setNotify(true);
        }
    }

    private static void scale(Axis axis, float scale) {
        axis.setLabelFont(axis.getLabelFont().deriveFont(LABEL_SIZE * scale));
        axis.setTickLabelFont(axis.getTickLabelFont().deriveFont(TICK_SIZE * scale));
    }
}
