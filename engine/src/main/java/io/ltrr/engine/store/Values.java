package io.ltrr.engine.store;

import java.util.Objects;

/** Argument checks shared by the store's records, so every message names the field. */
public final class Values {
    private Values() {
    }

    public static String requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }
}
