package io.ltrr.engine.folder;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small settings of a data folder that must survive restarts: the active policy, what its learned state started
 * from (a prior or uniform) and which index the Q2E cold-start predictions were made for. Written atomically (temp file + move).
 */
public final class WorkbenchState {
    public static final String DEFAULT_POLICY = "thompson";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;
    private final Map<String, String> values;

    private WorkbenchState(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    public static WorkbenchState load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new WorkbenchState(file, new LinkedHashMap<>());
        }
        try {
            Map<String, String> m = MAPPER.readValue(file.toFile(),
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() { });
            return new WorkbenchState(file, m);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            throw new IllegalStateException(file + " is damaged or unreadable (" + why + "); delete it to go back to "
                    + "the default policy (" + DEFAULT_POLICY + ") and ranker (rrf): it holds nothing else, the log "
                    + "and what the policies learned stay");
        }
    }

    public String policy() {
        return values.getOrDefault("policy", DEFAULT_POLICY);
    }

    public void setPolicy(String id) {
        values.put("policy", id);
        save();
    }

    /** The active ranker's id ("rrf" until another is chosen). */
    public String ranker() {
        return values.getOrDefault("ranker", "rrf");
    }

    public void setRanker(String id) {
        values.put("ranker", id);
        save();
    }

    /**
     * Whether annotators' ratings train the live policy (ADR 0009); off unless set, so judging does not steer
     * what real traffic is shown.
     */
    public boolean ratingsTrain() {
        return "on".equals(values.getOrDefault("ratings_train", "off"));
    }

    public void setRatingsTrain(boolean on) {
        values.put("ratings_train", on ? "on" : "off");
        save();
    }

    /**
     * Whether a policy without learned state starts from its prior (the default) or uniform: {@code policy reset
     * --cold} turns it off, {@code policy reset} on again (issue 23).
     */
    public boolean warmStarts() {
        return !"uniform".equals(values.getOrDefault("policy_start_mode", "prior"));
    }

    public void setWarmStarts(boolean on) {
        values.put("policy_start_mode", on ? "prior" : "uniform");
        save();
    }

    /**
     * What a policy's learned state started from, as {@link #setPolicyStart} recorded it: kind, source, note; empty
     * when nothing was recorded (state learned before warm starts existed, or a policy never used here).
     */
    public Optional<List<String>> policyStart(String policyId) {
        String kind = values.get("policy_start." + policyId + ".kind");
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(List.of(kind, values.getOrDefault("policy_start." + policyId + ".source", ""),
                values.getOrDefault("policy_start." + policyId + ".note", "")));
    }

    /**
     * Records what a policy's state started from, and the newest search number then: the pulls of searches up to it
     * were made before the start and teach the started state nothing.
     */
    public void setPolicyStart(String policyId, String kind, String source, String note, long afterSearch) {
        values.put("policy_start." + policyId + ".after_search", Long.toString(afterSearch));
        values.put("policy_start." + policyId + ".kind", kind);
        values.put("policy_start." + policyId + ".source", source);
        values.put("policy_start." + policyId + ".note", note);
        save();
    }

    /** The newest search number when the policy's state started (0 when not recorded: every pull counts). */
    public long policyStartSearch(String policyId) {
        try {
            return Long.parseLong(values.getOrDefault("policy_start." + policyId + ".after_search", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Forgets every policy's start (a reset forgets every policy's learned state). */
    public void clearPolicyStarts() {
        values.keySet().removeIf(k -> k.startsWith("policy_start."));
        save();
    }

    public String q2ePredictedFor() {
        return values.getOrDefault("q2e_predicted_for", "");
    }

    public void setQ2ePredictedFor(String fingerprint) {
        values.put("q2e_predicted_for", fingerprint);
        save();
    }

    private void save() {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), values);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
