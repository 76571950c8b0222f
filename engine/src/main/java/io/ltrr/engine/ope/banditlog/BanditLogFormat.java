package io.ltrr.engine.ope.banditlog;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The logged-bandit file formats {@link BanditLogReader} reads. */
public enum BanditLogFormat {
    /**
     * The workbench's generic CSV: a header naming the columns {@code action}, {@code reward} and
     * {@code propensity} (the logging policy's probability of the logged action, in (0, 1]); every other column is
     * a context feature, numeric when its value is a number, else categorical ({@code col=value} one-hot).
     * Comma-separated, no quoting. Every action named in the file is offered in every row.
     */
    CSV("csv", true),
    /**
     * The Open Bandit Dataset's per-campaign CSV ({@code timestamp, item_id, position, click, propensity_score,
     * user_feature_0..3, user-item_affinity_0..N}, after an unnamed index column when there is one): one decision
     * per row, the action the item, the reward the click; {@code position} and the hashed {@code user_feature_*}
     * are one-hot features, the affinities numeric. Every item of the file (and of the affinity columns) is offered.
     */
    OBD("obd", true),
    /**
     * Vowpal Wabbit's decision-service JSON lines: {@code _label_cost}, {@code _label_probability},
     * {@code _labelIndex} (0-based, or {@code _label_Action} 1-based), {@code a} (1-based actions, the chosen first)
     * with their probabilities {@code p}, the context {@code c} with one {@code _multi} entry per action. Actions
     * are named by their 1-based index; the reward is −cost; the shared features of {@code c} are the context.
     */
    VW_DSJSON("vw-dsjson", false);

    private final String cliName;
    private final boolean headed;

    BanditLogFormat(String cliName, boolean headed) {
        this.cliName = cliName;
        this.headed = headed;
    }

    /** The name on the command line: csv, obd or vw-dsjson. */
    public String cliName() {
        return cliName;
    }

    /** Whether the file starts with a header line. */
    boolean headed() {
        return headed;
    }

    /** The parser of a file's rows, given its header line (null for a format without one). */
    LineParser parser(String header) {
        return switch (this) {
            case CSV -> new GenericCsvRows(header);
            case OBD -> new ObdRows(header);
            case VW_DSJSON -> new DsJsonRows();
        };
    }

    /** The format of a command-line name. */
    public static BanditLogFormat of(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (BanditLogFormat f : values()) {
            if (f.cliName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown bandit log format '" + name + "' (one of "
                + Arrays.stream(values()).map(BanditLogFormat::cliName).collect(Collectors.joining(", ")) + ")");
    }
}
