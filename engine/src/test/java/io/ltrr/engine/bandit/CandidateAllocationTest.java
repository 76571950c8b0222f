package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CandidateAllocationTest {
    @Property
    void fillsTheBudgetExactlyWithTheFloorForEveryArm(
            @ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = -2, max = 3) Double> means,
            @ForAll @IntRange(min = 1, max = 30) int floor, @ForAll @IntRange(min = 0, max = 500) int extra,
            @ForAll @IntRange(min = 0, max = 4) int spareArms) {
        List<String> chosen = new ArrayList<>();
        Map<String, Double> byArm = new LinkedHashMap<>();
        for (int i = 0; i < means.size(); i++) {
            chosen.add("arm" + i);
            byArm.put("arm" + i, means.get(i));
        }
        int k = means.size() * floor + extra;
        SelectionBudget budget = new SelectionBudget(means.size() + spareArms, k + spareArms * floor, floor);
        Map<String, Integer> split = CandidateAllocation.allocate(chosen, byArm, budget);
        assertThat(split.keySet()).containsExactlyElementsOf(chosen);
        assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(budget.totalCandidates());
        assertThat(split.values()).allSatisfy(c -> assertThat(c).isGreaterThanOrEqualTo(floor));
    }

    @Property
    void aBetterArmNeverGetsFewerCandidates(@ForAll @DoubleRange(min = 0, max = 1) double better,
                                            @ForAll @DoubleRange(min = 0, max = 1) double worse,
                                            @ForAll @IntRange(min = 20, max = 300) int k) {
        if (better < worse) {
            return;
        }
        Map<String, Integer> split = CandidateAllocation.allocate(List.of("x", "y"), Map.of("x", better, "y", worse),
                new SelectionBudget(2, k, 10));
        assertThat(split.get("x")).isGreaterThanOrEqualTo(split.get("y"));
    }

    @Test
    void splitsTheRestInProportionToTheMeansWithLargestRemainder() {
        // rest 70 over weights 0.55, 0.30, 0.05 (means 0.5, 0.25, 0 plus epsilon): quotas 42.78, 23.33, 3.89.
        Map<String, Integer> split = CandidateAllocation.allocate(List.of("a", "b", "c"),
                Map.of("a", 0.5, "b", 0.25, "c", 0.0), new SelectionBudget(3, 100, 10));
        assertThat(split).containsExactly(Map.entry("a", 53), Map.entry("b", 33), Map.entry("c", 14));
    }
}
