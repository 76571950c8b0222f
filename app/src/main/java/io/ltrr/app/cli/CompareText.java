package io.ltrr.app.cli;

import io.ltrr.engine.sim.Leaderboard;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The text (and the JSON's words) of a {@code compare} leaderboard: which yardstick, then one line per policy. */
final class CompareText {
    private CompareText() {
    }

    /** The yardstick's JSON name (also the metric of the paired differences). */
    static String metric(Leaderboard.Yardstick y) {
        return switch (y) {
            case EXPECTED_CLICKS -> "expected_clicks";
            case REGRET_VS_COMMON_ORACLE -> "regret_vs_common_oracle";
        };
    }

    /** The yardstick in words, the same for every row. */
    static String yardstick(Leaderboard.Result result) {
        String oracle = String.format(Locale.ROOT, "regret against one oracle for every row: the best %d arm%s of "
                        + "each round (the most arms any run chose in a round), valued as the sum of the arms' own "
                        + "expected rewards", result.oracleArms(), result.oracleArms() == 1 ? "" : "s");
        return switch (result.rankedBy()) {
            case EXPECTED_CLICKS -> "ranked by expected clicks of the shown list (P(click | shown list) under the "
                    + "scenario's click model, mean per round), whatever number of arms built the list; " + oracle;
            case REGRET_VS_COMMON_ORACLE -> "ranked by " + oracle + " (this world shows no list)";
        };
    }

    static void print(PrintStream out, String heading, Leaderboard.Result result, List<String> arms) {
        out.println(heading);
        out.println(yardstick(result));
        List<Leaderboard.Row> rows = result.rows();
        if (rows.size() > 1) {
            out.printf(Locale.ROOT, "vs best: each row's %s minus %s's, seed by seed on identical traffic "
                    + "(mean ± sd over the seeds)%n", metric(result.rankedBy()).replace('_', ' '), rows.getFirst().policy());
        }
        boolean clicks = result.rankedBy() == Leaderboard.Yardstick.EXPECTED_CLICKS;
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-4s %-18s %5s", "#", "policy", "arms"));
        if (clicks) {
            head.append(String.format(Locale.ROOT, " %17s %18s %8s", "expected clicks", "vs best", "ndcg@10"));
        }
        head.append(String.format(Locale.ROOT, " %17s %22s", "ctr", "regret (one oracle)"));
        if (!clicks) {
            head.append(String.format(Locale.ROOT, " %20s", "vs best"));
        }
        arms.forEach(a -> head.append(String.format(Locale.ROOT, " %10s", a)));
        out.println(head);
        int rank = 1;
        for (Leaderboard.Row r : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-4d %-18s %5.2f", rank++, r.policy(),
                    r.armsPerRound()));
            if (clicks) {
                line.append(String.format(Locale.ROOT, " %8.4f ± %.4f %18s %8.4f", r.expectedClicksMean(),
                        r.expectedClicksSd(), paired(r, "%+8.4f ± %.4f"), r.ndcgMean()));
            }
            line.append(String.format(Locale.ROOT, " %8.4f ± %.4f %11.2f ± %8.2f", r.ctrMean(), r.ctrSd(),
                    r.regretMean(), r.regretSd()));
            if (!clicks) {
                line.append(String.format(Locale.ROOT, " %20s", paired(r, "%+9.2f ± %8.2f")));
            }
            arms.forEach(a -> line.append(String.format(Locale.ROOT, " %10.3f", r.armShare().getOrDefault(a, 0.0))));
            out.println(line);
        }
    }

    private static String paired(Leaderboard.Row r, String format) {
        return r.paired() == null ? "best" : String.format(Locale.ROOT, format, r.paired().meanDifference(),
                r.paired().sd());
    }
}
