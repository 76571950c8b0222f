package io.ltrr.engine.sim;

import java.util.List;

/**
 * How likely a user who looks at an item clicks it, by the item's relevance grade for the user's intent.
 * Grades above 3 count as 3, negative grades as 0; grade 0 is the noise click rate.
 *
 * @param byGrade click probability for grades 0, 1, 2, 3 (each in [0, 1])
 */
public record Attractiveness(List<Double> byGrade) {
    public Attractiveness {
        byGrade = List.copyOf(byGrade);
        if (byGrade.size() != 4) {
            throw new IllegalArgumentException("attractiveness: exactly 4 values (grades 0..3) are needed, were "
                    + byGrade.size());
        }
        for (int g = 0; g < 4; g++) {
            double p = byGrade.get(g);
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("attractiveness: grade " + g + " must be in [0, 1], was " + p);
            }
        }
    }

    /** 0.02 (noise), 0.3, 0.6, 0.9 for grades 0 to 3. */
    public static Attractiveness defaults() {
        return new Attractiveness(List.of(0.02, 0.3, 0.6, 0.9));
    }

    public double of(int grade) {
        return byGrade.get(Math.clamp(grade, 0, 3));
    }
}
