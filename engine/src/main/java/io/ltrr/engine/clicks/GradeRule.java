package io.ltrr.engine.clicks;

/**
 * How a click model's relevance estimate becomes a grade of the workbench's 0–3 scale. The rule is fixed per
 * estimate's scale, not per query: quantiles within a query would give every query a grade-3 item, also a query
 * whose results nobody wants, and a grade-0 item, also a query with only good results.
 */
public enum GradeRule {
    /**
     * For a probability (PBM's α, the chance of a click on an examined item; DBN's a·s, the chance that an
     * examined item satisfies): the quarter of [0, 1] it falls in, grade = min(3, ⌊4p⌋): below 0.25 is 0,
     * below 0.5 is 1, below 0.75 is 2, from 0.75 on 3.
     */
    PROBABILITY_QUARTERS("quarters of the probability: <0.25 → 0, <0.5 → 1, <0.75 → 2, else 3"),
    /**
     * For COEC, a ratio of clicks to the clicks expected at the positions the item was shown (1 = as clicked as
     * the average item there): by doublings, below 0.5 is 0, below 1 is 1, below 2 is 2, from 2 on 3.
     */
    RATIO_DOUBLINGS("doublings of the ratio: <0.5 → 0, <1 → 1, <2 → 2, else 3");

    private final String description;

    GradeRule(String description) {
        this.description = description;
    }

    /** The rule in one line, for outputs. */
    public String description() {
        return description;
    }

    /** The grade, 0..3, of an estimate (NaN and negative values are 0). */
    public int grade(double estimate) {
        if (!(estimate > 0)) {
            return 0;
        }
        return switch (this) {
            case PROBABILITY_QUARTERS -> (int) Math.min(3, Math.floor(4 * estimate));
            case RATIO_DOUBLINGS -> estimate < 0.5 ? 0 : estimate < 1 ? 1 : estimate < 2 ? 2 : 3;
        };
    }
}
