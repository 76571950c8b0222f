package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored snapshot format, pinned: snapshots live in feedback databases of existing data folders, so every
 * policy must keep writing them byte for byte and keep reading the ones already stored.
 */
class PolicySnapshotFormatTest {
    static final Map<String, String> STORED = Map.of(
            "uniform", """
            {"policy":"uniform","seed":7,"round":2,"config":{},"state":{"a":{"pulls":2,"sum":1.0,\
            "sumOfSquares":1.0},"b":{"pulls":1,"sum":0.25,"sumOfSquares":0.0625}}}""",
            "epsilon-greedy", """
            {"policy":"epsilon-greedy","seed":7,"round":2,"config":{"epsilon":0.1},"state":{"a":{"pulls":2,\
            "sum":1.0,"sumOfSquares":1.0},"b":{"pulls":1,"sum":0.25,"sumOfSquares":0.0625}}}""",
            "ucb1", """
            {"policy":"ucb1","seed":7,"round":2,"config":{},"state":{"a":{"pulls":2,"sum":1.0,\
            "sumOfSquares":1.0},"b":{"pulls":1,"sum":0.25,"sumOfSquares":0.0625}}}""",
            "thompson", """
            {"policy":"thompson","seed":7,"round":2,\
            "config":{"bucketing":"features prefix='bucket.' listed=[device.voice, qu.type.entity, qu.type.topical]",\
            "draws":2000},"state":{"*":{"a":{"alpha":2.0,"beta":2.0,"pulls":2},"b":{"alpha":1.25,"beta":1.75,\
            "pulls":1}}}}""",
            "linucb", """
            {"policy":"linucb","seed":7,"round":2,"config":{"alpha":1.0,"lambda":1.0,"features":["bias","f"]},\
            "state":{"a":{"pulls":2,"inverse":[0.34615384615384615,0.07692307692307693,0.07692307692307693,\
            0.46153846153846145],"b":[1.0,0.5]},"b":{"pulls":1,"inverse":[0.5555555555555556,\
            -0.2222222222222222,-0.2222222222222222,0.8888888888888888],"b":[0.25,0.125]}}}""",
            "linear-thompson", """
            {"policy":"linear-thompson","seed":7,"round":2,"config":{"v":0.5,"draws":2000,"lambda":1.0,\
            "features":["bias","f"]},"state":{"a":{"pulls":2,"inverse":[0.34615384615384615,0.07692307692307693,\
            0.07692307692307693,0.46153846153846145],"b":[1.0,0.5]},"b":{"pulls":1,\
            "inverse":[0.5555555555555556,-0.2222222222222222,-0.2222222222222222,0.8888888888888888],"b":[0.25,\
            0.125]}}}""");

    static List<String> ids() {
        return PolicyRegistry.standard().ids();
    }

    /** Two rounds of fixed feedback: a whole reward, a fractional one and a zero, in two contexts. */
    static SelectionPolicy trained(String id) {
        SelectionPolicy p = PolicyRegistry.standard().create(id, 7, Bandits.FEATURES, PolicyOptions.none());
        List<String> arms = List.of("a", "b");
        SelectionBudget budget = new SelectionBudget(2, 4, 1);
        p.select(Bandits.context(0.5), arms, budget);
        p.update(Bandits.context(0.5), Set.of("a", "b"), Map.of("a", 1.0, "b", 0.25));
        p.select(Bandits.context(-1), arms, budget);
        p.update(Bandits.context(-1), Set.of("a"), Map.of("a", 0.0));
        return p;
    }

    @ParameterizedTest
    @MethodSource("ids")
    void writesTheStoredFormat(String id) {
        assertThat(trained(id).snapshot()).isEqualTo(STORED.get(id));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void readsWhatIsStored(String id) {
        SelectionPolicy p = PolicyRegistry.standard().create(id, 7, Bandits.FEATURES, PolicyOptions.none());
        p.restore(STORED.get(id));
        assertThat(p.round()).isEqualTo(2);
        assertThat(p.snapshot()).isEqualTo(STORED.get(id));
    }
}
