package io.ltrr.engine.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the metrics after every round as CSV:
 * {@code round,cumulative_regret,ctr,mean_ndcg10,share_<arm>…,window_share_<arm>…,reward_rate_<arm>…}.
 */
public final class MetricsCsv implements MetricsListener {
    private final Writer out;
    private final List<String> arms;
    private boolean header;

    public MetricsCsv(Writer out, List<String> arms) {
        this.out = out;
        this.arms = List.copyOf(arms);
    }

    @Override
    public void update(SimulationMetrics m) {
        try {
            if (!header) {
                StringBuilder h = new StringBuilder("round,cumulative_regret,ctr,mean_ndcg10");
                arms.forEach(a -> h.append(",share_").append(a));
                arms.forEach(a -> h.append(",window_share_").append(a));
                arms.forEach(a -> h.append(",reward_rate_").append(a));
                out.write(h.append('\n').toString());
                header = true;
            }
            StringBuilder line = new StringBuilder().append(m.rounds()).append(',').append(m.cumulativeRegret())
                    .append(',').append(m.ctr()).append(',').append(Double.isNaN(m.meanNdcg10()) ? "" : m.meanNdcg10());
            arms.forEach(a -> line.append(',').append(m.armShare().get(a)));
            arms.forEach(a -> line.append(',').append(m.windowArmShare().get(a)));
            arms.forEach(a -> line.append(',').append(m.rewardRate().get(a)));
            out.write(line.append('\n').toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics file: " + e.getMessage(), e);
        }
    }
}
