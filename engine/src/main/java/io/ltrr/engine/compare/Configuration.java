package io.ltrr.engine.compare;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A configuration whose results can be compared: the workbench as it is now, an arm set with an optional ranker,
 * a stored run of a query set, or a snapshot file.
 *
 * <p>Text form (the command line's): {@code current}; {@code arms=bm25,dense} and/or {@code ranker=lambdamart}
 * joined by {@code ;} (no arms means every arm; no ranker means their plain RRF fusion); {@code run=ID}; or
 * {@code file=SNAP.json}. A ranker uses its latest saved model, or with {@code ranker=NAME@V} its model version V
 * (while the store keeps it); the snapshot records the version.
 *
 * @param kind   which of the four
 * @param arms   for ARMS: the arms (empty = all)
 * @param ranker for ARMS: the ranker ordering the arms' union, or null for plain RRF
 * @param rankerVersion for ARMS with a ranker: its saved model version, or null for the latest
 * @param runId  for RUN: the stored run
 * @param file   for FILE: the snapshot file
 */
public record Configuration(Kind kind, List<String> arms, String ranker, Long rankerVersion, long runId, Path file) {
    /** What a configuration is. */
    public enum Kind { CURRENT, ARMS, RUN, FILE }

    /** The workbench now: every arm, ordered by the active ranker. */
    public static final Configuration CURRENT = new Configuration(Kind.CURRENT, List.of(), null, null, 0, null);

    public Configuration {
        Objects.requireNonNull(kind, "kind");
        arms = List.copyOf(arms);
        if (kind == Kind.RUN && runId < 1) {
            throw new IllegalArgumentException("runId must be >= 1, was " + runId);
        }
        if (kind == Kind.FILE) {
            Objects.requireNonNull(file, "file");
        }
        if (ranker != null && ranker.isBlank()) {
            throw new IllegalArgumentException("ranker must not be blank");
        }
        if (rankerVersion != null && (ranker == null || rankerVersion < 1)) {
            throw new IllegalArgumentException("rankerVersion must be >= 1 and name a ranker's model, was "
                    + rankerVersion);
        }
    }

    public static Configuration arms(List<String> arms, String ranker) {
        return new Configuration(Kind.ARMS, arms, ranker, null, 0, null);
    }

    /** Arms ordered by a ranker's saved model version. */
    public static Configuration arms(List<String> arms, String ranker, long version) {
        return new Configuration(Kind.ARMS, arms, ranker, version, 0, null);
    }

    public static Configuration run(long runId) {
        return new Configuration(Kind.RUN, List.of(), null, null, runId, null);
    }

    public static Configuration file(Path file) {
        return new Configuration(Kind.FILE, List.of(), null, null, 0, file);
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Configuration parse(String text) {
        String t = Objects.requireNonNull(text, "configuration").strip();
        if (t.equals("current")) {
            return CURRENT;
        }
        if (t.startsWith("run=")) {
            try {
                return run(Long.parseLong(t.substring(4).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("run=ID needs a run number, was '" + t.substring(4) + "'", e);
            }
        }
        if (t.startsWith("file=") && t.length() > 5) {
            return file(Path.of(t.substring(5).strip()));
        }
        List<String> arms = List.of();
        String ranker = null;
        Long version = null;
        for (String part : t.split(";")) {
            String p = part.strip();
            if (p.startsWith("arms=") && p.length() > 5) {
                arms = Arrays.stream(p.substring(5).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            } else if (p.startsWith("ranker=") && p.length() > 7) {
                ranker = p.substring(7).strip();
                int at = ranker.indexOf('@');
                if (at >= 0) {
                    version = version(ranker.substring(at + 1));
                    ranker = ranker.substring(0, at).strip();
                }
            } else {
                throw new IllegalArgumentException("configuration '" + text + "' is not one of: current, "
                        + "arms=A,B[;ranker=R[@V]], ranker=R[@V], run=ID, file=SNAP.json");
            }
        }
        return new Configuration(Kind.ARMS, arms, ranker, version, 0, null);
    }

    private static Long version(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ranker=NAME@V needs a model version number, was '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CURRENT -> "current";
            case RUN -> "run=" + runId;
            case FILE -> "file=" + file;
            case ARMS -> (arms.isEmpty() ? "arms=all" : "arms=" + String.join(",", arms))
                    + (ranker == null ? "" : ";ranker=" + ranker + (rankerVersion == null ? "" : "@" + rankerVersion));
        };
    }
}
