package io.ltrr.app.gui;

import io.ltrr.engine.store.QuerySetRun;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A query set's mean nDCG@10, P@10 and MRR@10 over its stored runs (x: the run's number). UI thread only. */
final class QuerySetChart extends ChartViewer {
    private static final Color[] COLOURS = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73)};
    private final JFreeChart chart;

    QuerySetChart(ObservableList<QuerySetRun> runs) {
        super(ChartFactory.createXYLineChart("Mean scores over the set's runs", "run", "mean @10",
                new XYSeriesCollection()));
        setId("queryset-chart");
        chart = getChart();
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xF7F7F7));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < COLOURS.length; i++) {
            renderer.setSeriesPaint(i, COLOURS[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        setPrefSize(520, 240);
        runs.addListener((ListChangeListener<QuerySetRun>) c -> show(runs));
        show(runs);
    }

    private void show(List<QuerySetRun> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("nDCG@10", runs, QuerySetRun::ndcg));
        data.addSeries(series("P@10", runs, QuerySetRun::precision));
        data.addSeries(series("MRR@10", runs, QuerySetRun::mrr));
        List<QuerySetRun> shown = List.copyOf(runs);
        chart.setNotify(false); // one redraw, with the data and its tooltips together
        chart.getXYPlot().getRenderer().setDefaultToolTipGenerator((dataset, series, item) -> {
            if (item >= shown.size()) {
                return null;
            }
            QuerySetRun r = shown.get(item);
            return String.format(java.util.Locale.ROOT, "run %d (%s, judgments %s): %s %.3f", r.runId(),
                    r.description(), r.judgments(), dataset.getSeriesKey(series), dataset.getYValue(series, item));
        });
        chart.getXYPlot().setDataset(data);
        chart.setNotify(true);
    }

    private static XYSeries series(String name, List<QuerySetRun> runs, ToDoubleFunction<QuerySetRun> value) {
        XYSeries s = new XYSeries(name, false, true);
        for (QuerySetRun r : runs) {
            double v = value.applyAsDouble(r);
            s.add(r.runId(), Double.isFinite(v) ? v : null, false);
        }
        return s;
    }

    /** Runs drawn (the nDCG series' points; tests watch it grow). */
    int points() {
        var d = chart.getXYPlot().getDataset();
        return d == null || d.getSeriesCount() == 0 ? 0 : d.getItemCount(0);
    }
}
