package io.ltrr.app.gui;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What the window remembers between runs: its bounds, its divider positions and the last context settings.
 * Kept as JSON in the data folder ({@value #FILE}) so each data folder (and each test) has its own.
 *
 * @param width    window width, 0 when never saved
 * @param dividers    divider positions of the search split panes, outer first
 * @param gradeLabels the names of grades 0, 1, 2, 3 and "can't tell" on the rating chips (see {@link GradeScale});
 *                    the default when missing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuiSettings(double x, double y, double width, double height, boolean maximized, List<Double> dividers,
                          String user, String profile, String device, boolean timeNow, int hour, String annotator,
                          List<String> gradeLabels) {
    static final String FILE = "gui-settings.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public GuiSettings {
        dividers = dividers == null ? List.of() : List.copyOf(dividers);
        user = user == null ? "analyst" : user;
        profile = profile == null ? "" : profile;
        device = device == null ? "screen" : device;
        annotator = annotator == null ? "analyst" : annotator;
        hour = Math.floorMod(hour, 24);
        gradeLabels = gradeLabels == null ? GradeScale.DEFAULT_LABELS : new GradeScale(gradeLabels).labels();
    }

    /** The rating scale these settings name. */
    public GradeScale gradeScale() {
        return new GradeScale(gradeLabels);
    }

    /** First start: no saved bounds, default context. */
    public static GuiSettings defaults() {
        return new GuiSettings(0, 0, 0, 0, false, List.of(), "analyst", "", "screen", true, 12, "analyst",
                GradeScale.DEFAULT_LABELS);
    }

    /** The settings saved in {@code dataDir}, or the defaults when there are none or they cannot be read. */
    public static GuiSettings load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            return JSON.readValue(file.toFile(), GuiSettings.class);
        } catch (IOException e) {
            // A damaged settings file must never keep the workbench from starting: fall back to defaults.
            return defaults();
        }
    }

    /** Writes the settings atomically (a crash mid-write leaves the previous file). */
    public void save(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
