package io.ltrr.engine.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.ope.banditlog.BanditLog;
import io.ltrr.engine.ope.banditlog.BanditLogFormat;
import io.ltrr.engine.ope.banditlog.BanditLogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Off-policy estimates on external bandit logs written by hand, whose answers are known. */
class BanditLogEvaluationTest {
    /**
     * Logged uniformly over four actions (p = 1/4, exact in binary), each action logged twice: IPS of a fixed action
     * is 4/8 of its reward sum, exactly its mean reward; IPS of the uniform policy is the overall mean.
     */
    static final String UNIFORM_LOG = """
            x,action,reward,propensity
            0.1,a,1,0.25
            0.2,b,1,0.25
            0.3,c,0,0.25
            0.4,d,0,0.25
            0.5,a,0,0.25
            0.6,b,1,0.25
            0.7,c,1,0.25
            0.8,d,0,0.25
            """;

    @TempDir
    Path dir;

    private BanditLog uniformLog() throws IOException {
        Path f = dir.resolve("uniform.csv");
        Files.writeString(f, UNIFORM_LOG);
        return BanditLogReader.read(f, BanditLogFormat.CSV);
    }

    private static Map<String, OpeEstimate> byTarget(List<OpeEstimate> board) {
        return board.stream().collect(Collectors.toMap(OpeEstimate::target, Function.identity()));
    }

    @Test
    void ipsOfAFixedActionOnAUniformLogIsThatActionsMeanReward() throws IOException {
        List<OpeEstimate> board = LogEvaluation.of(uniformLog()).evaluate(
                List.of("action:a", "action:b", "action:c", "action:d", "uniform"), PolicyTarget.Mode.FROZEN,
                new OffPolicyEstimator(200, 0.9, 7), 1);
        Map<String, OpeEstimate> e = byTarget(board);

        assertThat(e.get("action:a").ips().value()).isEqualTo(0.5);
        assertThat(e.get("action:b").ips().value()).isEqualTo(1.0);
        assertThat(e.get("action:c").ips().value()).isEqualTo(0.5);
        assertThat(e.get("action:d").ips().value()).isEqualTo(0.0);
        assertThat(e.get("action:b").snips().value()).isEqualTo(1.0);
        assertThat(e.get("uniform").ips().value()).isEqualTo(0.5);
        assertThat(e.get("action:a").rounds()).isEqualTo(8);
        assertThat(e.get("action:a").ips().ciLow()).isLessThanOrEqualTo(0.5);
        assertThat(e.get("action:a").ips().ciHigh()).isGreaterThanOrEqualTo(0.5);
        assertThat(board.getFirst().target()).isEqualTo("action:b");
    }

    @Test
    void aFixedActionCanBeNamedAsAnArmToo() throws IOException {
        OpeEstimate e = LogEvaluation.of(uniformLog()).evaluate(List.of("arm:c"), PolicyTarget.Mode.FROZEN,
                new OffPolicyEstimator(10, 0.9, 7), 1).getFirst();

        assertThat(e.target()).isEqualTo("arm:c");
        assertThat(e.ips().value()).isEqualTo(0.5);
    }

    @Test
    void replaysARegisteredPolicyProgressivelyOverTheLogsContexts() throws IOException {
        BanditLog log = uniformLog();
        OffPolicyEstimator estimator = new OffPolicyEstimator(50, 0.9, 3);
        OpeEstimate first = LogEvaluation.of(log).evaluate(List.of("thompson"), PolicyTarget.Mode.PROGRESSIVE,
                estimator, 5).getFirst();
        OpeEstimate again = LogEvaluation.of(log).evaluate(List.of("thompson"), PolicyTarget.Mode.PROGRESSIVE,
                estimator, 5).getFirst();

        assertThat(first.target()).isEqualTo("thompson");
        assertThat(first.rounds()).isEqualTo(8);
        assertThat(first.unsupported()).isEqualTo(8);
        assertThat(first.ips().value()).isBetween(0.0, 4.0);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void estimatesOnDecisionServiceJsonWhereTheRewardIsMinusTheCost() throws IOException {
        Path f = dir.resolve("ds.json");
        Files.writeString(f, """
                {"_label_cost":-1,"_label_probability":0.5,"_labelIndex":0,"a":[1,2],"p":[0.5,0.5],"c":{"_multi":[{},{}]}}
                {"_label_cost":0,"_label_probability":0.5,"_labelIndex":1,"a":[2,1],"p":[0.5,0.5],"c":{"_multi":[{},{}]}}
                {"_label_cost":0,"_label_probability":0.5,"_labelIndex":0,"a":[1,2],"p":[0.5,0.5],"c":{"_multi":[{},{}]}}
                {"_label_cost":-1,"_label_probability":0.5,"_labelIndex":1,"a":[2,1],"p":[0.5,0.5],"c":{"_multi":[{},{}]}}
                """);
        Map<String, OpeEstimate> e = byTarget(LogEvaluation.of(BanditLogReader.read(f, BanditLogFormat.VW_DSJSON))
                .evaluate(List.of("action:1", "action:2", "uniform"), PolicyTarget.Mode.FROZEN,
                        new OffPolicyEstimator(20, 0.9, 1), 1));

        assertThat(e.get("action:1").ips().value()).isEqualTo(0.5);
        assertThat(e.get("action:2").ips().value()).isEqualTo(0.5);
        assertThat(e.get("uniform").ips().value()).isEqualTo(0.5);
        assertThat(e.get("uniform").unsupported()).isZero();
    }

    @Test
    void aPolicyCannotLearnRewardsOutsideZeroToOne() throws IOException {
        Path f = dir.resolve("big.csv");
        Files.writeString(f, "action,reward,propensity\na,5,0.5\nb,0,0.5\n");
        LogEvaluation eval = LogEvaluation.of(BanditLogReader.read(f, BanditLogFormat.CSV));

        assertThat(eval.evaluate(List.of("action:a"), PolicyTarget.Mode.FROZEN, new OffPolicyEstimator(5, 0.9, 1), 1)
                .getFirst().ips().value()).isEqualTo(5.0);
        assertThatThrownBy(() -> eval.evaluate(List.of("ucb1"), PolicyTarget.Mode.PROGRESSIVE,
                new OffPolicyEstimator(5, 0.9, 1), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]");
    }
}
