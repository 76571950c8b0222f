package io.ltrr.engine.qu;

import java.util.Locale;

/** What a recognised part of a query stands for. Entity slots name one thing; the others describe a topic. */
public enum SlotType {
    ARTIST(true), ALBUM(true), TITLE(true), GENRE(false), STYLE(false), DECADE(false), YEAR(false), TYPE(false);

    private final boolean entity;

    SlotType(boolean entity) {
        this.entity = entity;
    }

    /** True for slots naming one catalog entity (artist, album, title); false for topical ones. */
    public boolean isEntity() {
        return entity;
    }

    /** The stable lower-case name used in descriptions and feature names ("artist", "decade", …). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
