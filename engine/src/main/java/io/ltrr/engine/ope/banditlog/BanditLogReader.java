package io.ltrr.engine.ope.banditlog;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.store.LoggedRound;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a logged-bandit file into rounds: every valid row becomes a round with one chosen action, the rest are
 * listed as {@link MalformedLine}s. The context vector of a round is "bias" = 1 followed by every feature the file
 * names, in name order (0 where a row does not have it), so all rounds share one feature space.
 */
public final class BanditLogReader {
    /** The logging policy's id in the rounds read. */
    public static final String LOGGING_POLICY = "logged";

    private static final Comparator<String> ACTION_ORDER = Comparator
            .comparing((String a) -> !a.matches("\\d{1,18}"))
            .thenComparing(a -> a.matches("\\d{1,18}") ? Long.parseLong(a) : 0L)
            .thenComparing(Comparator.naturalOrder());

    private BanditLogReader() {
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException when the header is unusable or no row is valid (one line, naming the file)
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static BanditLog read(Path file, BanditLogFormat format) {
        List<Decision> decisions = new ArrayList<>();
        List<MalformedLine> malformed = new ArrayList<>();
        LineParser parser = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long n = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                n++;
                if (n == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                if (parser == null) {
                    parser = startParser(file, format, text);
                    if (format.headed()) {
                        continue;
                    }
                }
                try {
                    decisions.add(parser.parse(n, text));
                } catch (RowException e) {
                    malformed.add(new MalformedLine(n, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bandit log " + file + ": " + e.getMessage(), e);
        }
        if (decisions.isEmpty()) {
            throw new IllegalArgumentException(file + ": no valid " + format.cliName() + " row to evaluate"
                    + (malformed.isEmpty() ? " (the file has no rows)" : " (" + malformed.size() + " malformed; line "
                    + malformed.getFirst().line() + ": " + malformed.getFirst().reason() + ")"));
        }
        return assemble(format, decisions, parser.declaredActions(), malformed);
    }

    private static LineParser startParser(Path file, BanditLogFormat format, String first) {
        try {
            return format.parser(format.headed() ? first : null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static BanditLog assemble(BanditLogFormat format, List<Decision> decisions, List<String> declared,
                                      List<MalformedLine> malformed) {
        Set<String> actionSet = new TreeSet<>(ACTION_ORDER);
        actionSet.addAll(declared);
        Set<String> featureNames = new TreeSet<>();
        for (Decision d : decisions) {
            actionSet.add(d.action());
            actionSet.addAll(d.offered());
            featureNames.addAll(d.features().keySet());
        }
        List<String> actions = List.copyOf(actionSet);
        List<String> names = new ArrayList<>();
        names.add("bias");
        names.addAll(featureNames);
        List<LoggedRound> rounds = new ArrayList<>(decisions.size());
        for (Decision d : decisions) {
            double[] x = new double[names.size()];
            x[0] = 1;
            for (int i = 1; i < x.length; i++) {
                x[i] = d.features().getOrDefault(names.get(i), 0.0);
            }
            List<String> offered = d.offered().isEmpty() ? actions : new ArrayList<>(new LinkedHashSet<>(d.offered()));
            rounds.add(new LoggedRound("line-" + d.line(), Instant.EPOCH, "", "", "", new ContextVector(names, x),
                    LOGGING_POLICY, offered, d.propensity(), List.of(d.action()), Map.of(d.action(), d.reward()),
                    d.reward() != 0 ? 1 : 0, List.of()));
        }
        return new BanditLog(format, rounds, actions, malformed);
    }
}
