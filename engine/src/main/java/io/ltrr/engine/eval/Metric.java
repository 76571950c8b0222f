package io.ltrr.engine.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A measure at a cutoff, named {@code <kind>@<k>}: {@code "ndcg@10"}, {@code "mrr@10"}, {@code "recall@100"},
 * {@code "precision@5"}. The name is stable and is the key of every figure the {@link Evaluator} reports.
 *
 * @param kind   which measure
 * @param cutoff how many top-ranked documents it looks at, {@code >= 1}
 */
public record Metric(MetricKind kind, int cutoff) {
    private static final Pattern CUTOFF = Pattern.compile("[1-9][0-9]{0,8}");

    public Metric {
        Objects.requireNonNull(kind, "kind");
        if (cutoff < 1) {
            throw new IllegalArgumentException("cutoff must be >= 1, was " + cutoff);
        }
    }

    /**
     * Parses {@code <kind>@<k>}. Names are case-sensitive lower case, like trec_eval's; anything else is
     * rejected with a message saying what is wrong and what is accepted.
     */
    public static Metric parse(String name) {
        Objects.requireNonNull(name, "metric name");
        int at = name.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("metric '" + name + "' has no cutoff; write it as <name>@<k>, e.g. ndcg@10 (known names: "
                    + MetricKind.knownKeys() + ")");
        }
        MetricKind kind = MetricKind.fromKey(name.substring(0, at));
        String k = name.substring(at + 1);
        // Only canonical digits, so that parse(name).name() is the name itself ("ndcg@010" would not be).
        if (!CUTOFF.matcher(k).matches()) {
            throw new IllegalArgumentException("metric '" + name + "': cutoff '" + k
                    + "' is not a positive integer without sign or leading zeros");
        }
        return new Metric(kind, Integer.parseInt(k));
    }

    /** Parses each name; see {@link #parse(String)}. */
    public static List<Metric> parseAll(List<String> names) {
        return names.stream().map(Metric::parse).toList();
    }

    /** The stable name, e.g. {@code "ndcg@10"}. */
    public String name() {
        return kind.key() + "@" + cutoff;
    }

    /** This measure of one ranking (best first) against one query's judgments. */
    public double compute(List<String> ranking, Map<String, Integer> judgments) {
        return kind.compute(ranking, judgments, cutoff);
    }

    @Override
    public String toString() {
        return name();
    }
}
