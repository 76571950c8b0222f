package io.ltrr.engine.qu;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One reading of a query: non-overlapping slots, the tokens left over as free title/text words, and how
 * likely this reading is among the ones offered for the same query.
 *
 * @param slots       recognised spans in query order; empty for the plain free-text reading
 * @param freeTokens  the tokens no slot covers, in query order; they are searched as title/all-text words
 * @param likelihood  in [0, 1]; the likelihoods of one analysis sum to 1
 * @param description human-readable form, e.g. {@code artist≈"Taylor Swift" + title~"love"}
 */
public record Interpretation(List<Slot> slots, List<String> freeTokens, double likelihood, String description) {

    public Interpretation {
        slots = List.copyOf(slots);
        freeTokens = List.copyOf(freeTokens);
        Objects.requireNonNull(description, "description");
        if (!(likelihood >= 0.0 && likelihood <= 1.0)) {
            throw new IllegalArgumentException("likelihood must be in [0, 1], was " + likelihood);
        }
    }

    /** Builds the description from slots and free tokens. */
    static String describe(List<Slot> slots, List<String> freeTokens) {
        String slotPart = slots.stream().map(Slot::describe).collect(Collectors.joining(" + "));
        String freePart = freeTokens.isEmpty() ? "" : "title~\"" + String.join(" ", freeTokens) + '"';
        if (slotPart.isEmpty()) {
            return freePart.isEmpty() ? "(empty)" : freePart;
        }
        return freePart.isEmpty() ? slotPart : slotPart + " + " + freePart;
    }

    /** True when no slot was recognised: all tokens are free text. */
    public boolean isFreeText() {
        return slots.isEmpty();
    }

    /** The slot types present. */
    public Set<SlotType> slotTypes() {
        Set<SlotType> types = EnumSet.noneOf(SlotType.class);
        slots.forEach(s -> types.add(s.type()));
        return types;
    }

    /** The first slot of the given type, if any. */
    public java.util.Optional<Slot> slot(SlotType type) {
        return slots.stream().filter(s -> s.type() == type).findFirst();
    }
}
