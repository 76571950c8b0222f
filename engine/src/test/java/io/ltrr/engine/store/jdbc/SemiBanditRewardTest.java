package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.SemiBanditReward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

class SemiBanditRewardTest {
    @Property
    void everyChosenArmGetsTheValueIfItHeldTheItemElseZeroAndNoOtherArmGetsAnything(
            @ForAll @Size(max = 6) @UniqueElements List<@IntRange(max = 9) Integer> chosenNumbers,
            @ForAll @Size(max = 6) Set<@IntRange(max = 9) Integer> heldNumbers,
            @ForAll @IntRange(max = 3) int grade) {
        List<String> chosen = chosenNumbers.stream().map(i -> "arm" + i).toList();
        Set<String> held = Set.copyOf(heldNumbers.stream().map(i -> "arm" + i).toList());
        double value = grade / 3.0;

        Map<String, Double> rewards = SemiBanditReward.rewards(chosen, held, value);

        assertThat(List.copyOf(rewards.keySet())).isEqualTo(chosen);
        rewards.forEach((arm, r) -> assertThat(r).isEqualTo(held.contains(arm) ? value : 0.0));
    }
}
