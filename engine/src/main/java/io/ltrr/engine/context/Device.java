package io.ltrr.engine.context;

import java.util.Locale;

/** How the user searches: on a screen (reads a list) or by voice (hears one answer). */
public enum Device {
    SCREEN, VOICE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Device fromKey(String key) {
        for (Device d : values()) {
            if (d.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("device: unknown device '" + key + "' (expected screen or voice)");
    }
}
