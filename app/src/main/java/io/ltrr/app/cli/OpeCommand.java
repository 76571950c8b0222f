package io.ltrr.app.cli;

import io.ltrr.engine.FeedbackStores;
import io.ltrr.engine.ope.Estimate;
import io.ltrr.engine.ope.LogEvaluation;
import io.ltrr.engine.ope.OffPolicyEstimator;
import io.ltrr.engine.ope.OpeEstimate;
import io.ltrr.engine.ope.PolicyTarget;
import io.ltrr.engine.ope.banditlog.BanditLog;
import io.ltrr.engine.ope.banditlog.BanditLogFormat;
import io.ltrr.engine.ope.banditlog.BanditLogReader;
import io.ltrr.engine.ope.banditlog.MalformedLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ltrr ope}: off-policy estimates of policies' value from the data folder's log, or from an external
 * logged-bandit file ({@code --log}), as a leaderboard.
 */
@Command(name = "ope", mixinStandardHelpOptions = true,
        description = "Estimate what other policies would have earned on the logged searches (IPS, SNIPS, doubly "
                + "robust, with bootstrap confidence intervals). Value = expected sum of the chosen arms' rewards "
                + "per search. On the folder's own H2 store run it while no workbench has the folder open; a shared "
                + "PostgreSQL store is read as it is, while others write it. With --log, a logged-bandit file is "
                + "evaluated instead (no data folder needed); its malformed rows are listed on stderr by line and left "
                + "out (exit code 1).")
final class OpeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--policy", paramLabel = "ID",
            description = "Target (repeatable): a policy id (uniform, epsilon-greedy, epsilon-greedy-global, ucb1, "
                    + "ucb1-global, thompson, linucb, linear-thompson) or arm:ARM for always that one arm.")
    List<String> policies = new ArrayList<>();

    @Option(names = "--target", paramLabel = "T",
            description = "Target (repeatable), as --policy: uniform, or action:ID for always that action (arm:ID).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--log", paramLabel = "FILE",
            description = "Evaluate on this logged-bandit file instead of the data folder's log.")
    Path log;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "The --log file's format: csv (header with action, reward, propensity; other columns are "
                    + "context features), obd (an Open Bandit Dataset campaign CSV) or vw-dsjson (Vowpal Wabbit "
                    + "decision-service JSON lines; actions are 1-based, reward = -cost). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--mode", defaultValue = "progressive", paramLabel = "MODE",
            description = "progressive (policies learn the log's rewards as they are replayed; default) or frozen "
                    + "(the policy's latest saved state, or a fresh one, never updated).")
    String mode;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N",
            description = "Bootstrap resamples for the intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "L",
            description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Seed of the resampling and of the policies' draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PolicyTarget.Mode m = switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "progressive" -> PolicyTarget.Mode.PROGRESSIVE;
            case "frozen" -> PolicyTarget.Mode.FROZEN;
            default -> throw new IllegalArgumentException("--mode must be progressive or frozen, was '" + mode + "'");
        };
        OffPolicyEstimator estimator = new OffPolicyEstimator(bootstrap, level, seed);
        List<String> specs = new ArrayList<>(policies);
        specs.addAll(targets);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("name at least one target: --policy ID or --target uniform|action:ID");
        }
        String modeName = m.name().toLowerCase(Locale.ROOT);
        if (log != null) {
            return evaluateFile(specs, m, modeName, estimator);
        }
        List<OpeEstimate> board;
        Path dir = common.existingDataDir();
        try (LogEvaluation eval = FeedbackStores.logEvaluation(dir, storeOptions.choice(dir))) {
            board = eval.evaluate(specs, m, estimator, seed);
        }
        if (common.json()) {
            Json.print(System.out, new OpeJson(modeName, bootstrap, level, seed,
                    board.stream().map(EstimatesJson::of).toList()));
        } else {
            printBoard(board);
        }
        return 0;
    }

    /** {@code --log}: the file's rows, its malformed ones listed on stderr (exit code 1 when there are any). */
    private int evaluateFile(List<String> specs, PolicyTarget.Mode m, String modeName, OffPolicyEstimator estimator) {
        BanditLogFormat f = BanditLogFormat.of(format);
        BanditLog file = BanditLogReader.read(log, f);
        for (MalformedLine bad : file.malformed()) {
            System.err.println(log + ":" + bad.line() + ": " + bad.reason());
        }
        List<OpeEstimate> board = LogEvaluation.of(file).evaluate(specs, m, estimator, seed);
        if (common.json()) {
            Json.print(System.out, new OpeLogJson(log.toString(), f.cliName(), file.rounds().size(),
                    file.malformed().size(), file.actions().size(), modeName, bootstrap,
                    level, seed, board.stream().map(EstimatesJson::of).toList()));
        } else {
            System.out.printf(Locale.ROOT, "%s (%s): %d rows, %d malformed, %d actions%n", log, f.cliName(),
                    file.rounds().size(), file.malformed().size(), file.actions().size());
            printBoard(board);
        }
        return file.malformed().isEmpty() ? 0 : 1;
    }

    private static void printBoard(List<OpeEstimate> board) {
        System.out.printf(Locale.ROOT, "%-18s %7s  %-26s %-26s %-26s%n", "policy", "rounds", "ips [ci]", "snips [ci]",
                "dr [ci]");
        for (OpeEstimate e : board) {
            System.out.printf(Locale.ROOT, "%-18s %7d  %-26s %-26s %-26s%s%n", e.target(), e.rounds(), text(e.ips()),
                    text(e.snips()), text(e.dr()),
                    e.unsupported() > 0 ? "  (" + e.unsupported() + " rounds unsupported by the log)" : "");
        }
    }

    private static String text(Estimate e) {
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", e.value(), e.ciLow(), e.ciHigh());
    }

    /** The JSON form of the leaderboard, best doubly robust value first. */
    record OpeJson(String mode, int bootstrap, double level, long seed, List<EstimatesJson> estimates) {
    }

    /** The JSON form of an external log's leaderboard: the file's figures, then as {@link OpeJson}. */
    record OpeLogJson(String log, String format, int rows, int malformedRows, int actions, String mode, int bootstrap,
                      double level, long seed, List<EstimatesJson> estimates) {
    }

    /** One target policy's estimates. */
    record EstimatesJson(String policy, int rounds, int unsupportedRounds, EstimateJson ips, EstimateJson snips,
                         EstimateJson dr) {
        static EstimatesJson of(OpeEstimate e) {
            return new EstimatesJson(e.target(), e.rounds(), e.unsupported(), EstimateJson.of(e.ips()),
                    EstimateJson.of(e.snips()), EstimateJson.of(e.dr()));
        }
    }

    /** An estimate with its bootstrap confidence interval. */
    record EstimateJson(double value, double ciLow, double ciHigh) {
        static EstimateJson of(Estimate e) {
            return new EstimateJson(e.value(), e.ciLow(), e.ciHigh());
        }
    }
}
