package io.ltrr.engine.bandit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The context of one round as a named feature vector x. Names are shown in the GUI and logged with every
 * round; the first feature is conventionally the constant "bias" = 1.
 */
public record ContextVector(List<String> names, double[] values) {
    public ContextVector {
        names = List.copyOf(names);
        Objects.requireNonNull(values, "values");
        if (names.size() != values.length) {
            throw new IllegalArgumentException("names (" + names.size() + ") and values (" + values.length
                    + ") must have the same length");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("feature '" + names.get(i) + "' is not finite: " + values[i]);
            }
        }
        values = values.clone();
    }

    public int dimension() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value of a named feature, or 0 when the vector has no such feature. */
    public double value(String name) {
        int i = names.indexOf(name);
        return i < 0 ? 0 : values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContextVector c && names.equals(c.names) && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }
}
