package io.ltrr.engine.sim;

import java.util.Locale;
import java.util.Objects;

/**
 * Which click model a scenario uses and its parameters.
 *
 * @param kind           "cascade" or "pbm"
 * @param attractiveness click probability by grade
 * @param positionBias   examination probability by position (used by "pbm" only)
 */
public record ClickModelSpec(String kind, Attractiveness attractiveness, PositionBias positionBias) {
    public ClickModelSpec {
        kind = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        if (!kind.equals(CascadeClickModel.ID) && !kind.equals(PositionBasedClickModel.ID)) {
            throw new IllegalArgumentException("click_model.kind must be 'cascade' or 'pbm', was '" + kind + "'");
        }
        Objects.requireNonNull(attractiveness, "click_model.attractiveness");
        Objects.requireNonNull(positionBias, "click_model.position_bias");
    }

    public ClickModel create() {
        return kind.equals(CascadeClickModel.ID) ? new CascadeClickModel(attractiveness)
                : new PositionBasedClickModel(attractiveness, positionBias);
    }
}
