package io.ltrr.engine.bandit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Policy configuration knobs as text (as they come from the command line or a settings file, e.g.
 * {@code epsilon=0.2}), read by a registry factory. Keys the policy does not know are rejected, so a typo
 * never silently falls back to a default.
 */
public record PolicyOptions(Map<String, String> values) {
    public PolicyOptions {
        values = Map.copyOf(values);
    }

    public static PolicyOptions none() {
        return new PolicyOptions(Map.of());
    }

    /** Rejects keys outside {@code known}, naming the policy and its valid knobs. */
    PolicyOptions allowOnly(String policy, Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + unknown + " for policy '" + policy
                    + "'; valid: " + new TreeSet<>(known));
        }
        return this;
    }

    double number(String key, double fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be a number, was '" + v + "'", e);
        }
    }

    int integer(String key, int fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be an integer, was '" + v + "'", e);
        }
    }

    String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** A comma-separated list; blank entries dropped. */
    List<String> list(String key, List<String> fallback) {
        String v = values.get(key);
        return v == null ? fallback : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return new TreeMap<>(values).toString();
    }
}
