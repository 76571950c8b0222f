package io.ltrr.engine.index;

import java.util.Locale;
import java.util.Objects;

/**
 * How far a catalog index's sentence embeddings are (ADR 0013): the dense arm can search them only when
 * {@link #complete()}.
 *
 * @param model    the embedding model the index wants, "" when it wants none
 * @param embedded items with a vector so far (equal to {@code total} when complete)
 * @param total    items in the catalog index
 * @param complete whether the vectors are all there and their HNSW graph is built
 */
public record VectorStatus(String model, int embedded, int total, boolean complete) {
    public VectorStatus {
        Objects.requireNonNull(model, "model");
        if (embedded < 0 || total < 0 || embedded > total) {
            throw new IllegalArgumentException("embedded must be in [0, total], was " + embedded + " of " + total);
        }
        if (complete && (model.isEmpty() || embedded != total)) {
            throw new IllegalArgumentException("complete needs a model and every item embedded");
        }
    }

    /** An index that wants no vectors. */
    public static VectorStatus none(int total) {
        return new VectorStatus("", 0, total, false);
    }

    /** Whether the index wants vectors at all. */
    public boolean wanted() {
        return !model.isEmpty();
    }

    /** Whether vectors are wanted and not all there yet (the background embedding has work to do). */
    public boolean pending() {
        return wanted() && !complete;
    }

    /** "none", "complete" or "12,000 of 30,417 embedded". */
    public String describe() {
        if (!wanted()) {
            return "none";
        }
        return complete ? "complete" : String.format(Locale.ROOT, "%,d of %,d embedded", embedded, total);
    }
}
