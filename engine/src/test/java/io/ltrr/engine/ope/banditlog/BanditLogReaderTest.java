package io.ltrr.engine.ope.banditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.store.LoggedRound;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BanditLogReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    @Test
    void readsTheGenericCsvLayoutWithNumericAndCategoricalFeatures() throws IOException {
        BanditLog log = BanditLogReader.read(file("log.csv",
                "age,country,action,reward,propensity",
                "31,fr,b,1,0.5",
                "",
                "40,de,a,0,0.25"), BanditLogFormat.CSV);

        assertThat(log.malformed()).isEmpty();
        assertThat(log.actions()).containsExactly("a", "b");
        LoggedRound first = log.rounds().getFirst();
        assertThat(first.x().names()).containsExactly("bias", "age", "country=de", "country=fr");
        assertThat(first.x().values()).containsExactly(1, 31, 0, 1);
        assertThat(first.offered()).containsExactly("a", "b");
        assertThat(first.chosen()).containsExactly("b");
        assertThat(first.reward("b")).isEqualTo(1.0);
        assertThat(first.loggedPropensity("b")).isEqualTo(0.5);
        assertThat(log.rounds().get(1).searchId()).isEqualTo("line-4");
    }

    @Test
    void listsMalformedCsvRowsByLineAndKeepsTheRest() throws IOException {
        BanditLog log = BanditLogReader.read(file("log.csv",
                "x,action,reward,propensity",
                "1,a,1,0.5",
                "1,a,1",
                "1,,1,0.5",
                "1,a,yes,0.5",
                "1,a,1,0",
                "1,a,1,1.5",
                "2,b,0,0.5"), BanditLogFormat.CSV);

        assertThat(log.rounds()).hasSize(2);
        assertThat(log.malformed()).extracting(MalformedLine::line).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(log.malformed().get(0).reason()).isEqualTo("has 3 cells, the header 4");
        assertThat(log.malformed().get(1).reason()).isEqualTo("action is empty");
        assertThat(log.malformed().get(2).reason()).isEqualTo("reward is not a number: 'yes'");
        assertThat(log.malformed().get(3).reason()).contains("propensity must be in (0, 1]");
    }

    @Test
    void refusesACsvWithoutTheRequiredColumnsOrWithoutAValidRow() throws IOException {
        assertThatThrownBy(() -> BanditLogReader.read(file("a.csv", "x,action,reward", "1,a,1"), BanditLogFormat.CSV))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action, reward and propensity");
        assertThatThrownBy(() -> BanditLogReader.read(file("b.csv", "action,reward,propensity", "a,1,0", "b,1"),
                BanditLogFormat.CSV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no valid csv row")
                .hasMessageContaining("2 malformed; line 2: propensity must be in (0, 1], was 0.0")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> BanditLogReader.read(file("c.csv", "action,reward,propensity"), BanditLogFormat.CSV))
                .hasMessageContaining("the file has no rows");
    }

    @Test
    void readsAnOpenBanditDatasetFileWithItsIndexColumn() throws IOException {
        BanditLog log = BanditLogReader.read(file("all.csv",
                ",timestamp,item_id,position,click,propensity_score,user_feature_0,user_feature_1,"
                        + "user-item_affinity_0,user-item_affinity_1,user-item_affinity_2",
                "0,2019-11-24 00:00:17.344311+00:00,1,2,1,0.33,81ce,03a5,0.0,2.0,0.0",
                "1,2019-11-24 00:00:18.000000+00:00,0,1,0,0.33,4b9e,03a5,1.0,0.0,0.0"), BanditLogFormat.OBD);

        assertThat(log.malformed()).isEmpty();
        assertThat(log.actions()).containsExactly("0", "1", "2");
        LoggedRound first = log.rounds().getFirst();
        assertThat(first.chosen()).containsExactly("1");
        assertThat(first.reward("1")).isEqualTo(1.0);
        assertThat(first.loggedPropensity("1")).isEqualTo(0.33);
        assertThat(first.offered()).containsExactly("0", "1", "2");
        assertThat(first.x().value("position=2")).isEqualTo(1.0);
        assertThat(first.x().value("user_feature_0=81ce")).isEqualTo(1.0);
        assertThat(first.x().value("user_feature_0=4b9e")).isZero();
        assertThat(first.x().value("user-item_affinity_1")).isEqualTo(2.0);
    }

    @Test
    void listsMalformedOpenBanditDatasetRows() throws IOException {
        BanditLog log = BanditLogReader.read(file("men.csv",
                "timestamp,item_id,position,click,propensity_score,user_feature_0",
                "t,3,1,0,0.5,aa",
                "t,3,1,2,0.5,aa",
                "t,3,1,1,0.5",
                "t,,1,1,0.5,aa",
                "t,3,1,1,-0.1,aa"), BanditLogFormat.OBD);

        assertThat(log.rounds()).hasSize(1);
        assertThat(log.malformed()).containsExactly(
                new MalformedLine(3, "click must be 0 or 1, was 2"),
                new MalformedLine(4, "has 5 cells, the header 6"),
                new MalformedLine(5, "item_id is empty"),
                new MalformedLine(6, "propensity_score must be in (0, 1], was -0.1"));
        assertThatThrownBy(() -> BanditLogReader.read(file("x.csv", "timestamp,item,click", "t,1,0"),
                BanditLogFormat.OBD)).hasMessageContaining("item_id, position, click and propensity_score");
    }

    @Test
    void readsVowpalWabbitDecisionServiceJson() throws IOException {
        BanditLog log = BanditLogReader.read(file("ds.json",
                "{\"_label_cost\":-1,\"_label_probability\":0.8,\"_label_Action\":2,\"_labelIndex\":1,"
                        + "\"a\":[2,1,3],\"c\":{\"User\":{\"tier\":\"pro\",\"age\":30},\"_multi\":[{\"i\":{\"id\":1}},"
                        + "{\"i\":{\"id\":2}},{\"i\":{\"id\":3}}]},\"p\":[0.8,0.1,0.1]}",
                "{\"_label_cost\":0,\"_label_probability\":0.1,\"_labelIndex\":2,"
                        + "\"a\":[3,1,2],\"c\":{\"User\":{\"tier\":\"free\"},\"_multi\":[{},{},{}]},\"p\":[0.1,0.8,0.1]}"),
                BanditLogFormat.VW_DSJSON);

        assertThat(log.malformed()).isEmpty();
        assertThat(log.actions()).containsExactly("1", "2", "3");
        LoggedRound first = log.rounds().getFirst();
        assertThat(first.chosen()).containsExactly("2");
        assertThat(first.reward("2")).isEqualTo(1.0);
        assertThat(first.loggedPropensity("2")).isEqualTo(0.8);
        assertThat(first.loggedPropensity("1")).isEqualTo(0.1);
        assertThat(first.offered()).containsExactly("1", "2", "3");
        assertThat(first.x().names()).containsExactly("bias", "User.age", "User.tier=free", "User.tier=pro");
        assertThat(first.x().value("User.tier=pro")).isEqualTo(1.0);
        LoggedRound second = log.rounds().get(1);
        assertThat(second.chosen()).containsExactly("3");
        assertThat(second.reward("3")).isEqualTo(0.0);
    }

    @Test
    void listsMalformedDecisionServiceLines() throws IOException {
        String ok = "{\"_label_cost\":-1,\"_label_probability\":0.5,\"_labelIndex\":0,\"a\":[1,2],\"p\":[0.5,0.5]}";
        BanditLog log = BanditLogReader.read(file("ds.json",
                ok,
                "{\"_label_cost\":-1,",
                "{\"RewardValue\":1,\"EventId\":\"x\"}",
                "{\"_label_cost\":-1,\"_label_probability\":0.5,\"_labelIndex\":0,\"a\":[1,2],\"p\":[0.5]}",
                "{\"_label_cost\":-1,\"_label_probability\":0.5,\"_labelIndex\":4,\"a\":[1,2],\"p\":[0.5,0.5]}",
                "[1,2]"), BanditLogFormat.VW_DSJSON);

        assertThat(log.rounds()).hasSize(1);
        assertThat(log.malformed()).extracting(MalformedLine::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(log.malformed().get(0).reason()).startsWith("not JSON");
        assertThat(log.malformed().get(1).reason()).isEqualTo("_label_cost is missing");
        assertThat(log.malformed().get(2).reason()).contains("of the same length");
        assertThat(log.malformed().get(3).reason()).isEqualTo("the logged action 5 is not among a [1, 2]");
        assertThat(log.malformed().get(4).reason()).isEqualTo("not a JSON object");
    }

    @Test
    void namesTheFormatsAsOnTheCommandLine() {
        assertThat(BanditLogFormat.of("VW-DSJSON")).isEqualTo(BanditLogFormat.VW_DSJSON);
        assertThat(List.of(BanditLogFormat.values())).extracting(BanditLogFormat::cliName)
                .containsExactly("csv", "obd", "vw-dsjson");
        assertThatThrownBy(() -> BanditLogFormat.of("parquet")).hasMessageContaining("csv, obd, vw-dsjson");
    }
}
