package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rating scale's labels: Quepid-like by default, renamed in a data folder's GUI settings. */
class GradeScaleTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultScaleNamesEveryGradeAndCantTell() {
        GradeScale s = GradeScale.defaults();
        assertThat(s.describe(0)).isEqualTo("0 irrelevant");
        assertThat(s.describe(3)).isEqualTo("3 perfect");
        assertThat(s.describe(null)).isEqualTo("? can't tell");
    }

    @Test
    void labelsSavedInTheSettingsComeBackAfterARestart() throws Exception {
        GuiSettings d = GuiSettings.defaults();
        List<String> labels = List.of("bad", "fair", "good", "excellent", "unsure");
        new GuiSettings(d.x(), d.y(), d.width(), d.height(), d.maximized(), d.dividers(), d.user(), d.profile(),
                d.device(), d.timeNow(), d.hour(), d.annotator(), labels).save(dir);
        assertThat(GuiSettings.load(dir).gradeScale().describe(3)).isEqualTo("3 excellent");
    }

    @Test
    void aScaleWithoutFiveLabelsIsRefusedNamingTheFieldAndASettingsFileWithoutLabelsGetsTheDefault()
            throws Exception {
        assertThatThrownBy(() -> new GradeScale(List.of("a", "b"))).hasMessageContaining("gradeLabels");
        assertThatThrownBy(() -> new GradeScale(List.of("a", "b", " ", "d", "e"))).hasMessageContaining("blank");
        Files.writeString(dir.resolve(GuiSettings.FILE), "{\"annotator\":\"kim\"}");
        GuiSettings old = GuiSettings.load(dir);
        assertThat(old.annotator()).isEqualTo("kim");
        assertThat(old.gradeLabels()).isEqualTo(GradeScale.DEFAULT_LABELS);
    }
}
