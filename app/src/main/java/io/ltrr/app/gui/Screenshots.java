package io.ltrr.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a PNG of a scene (for the README's screenshots); call on the UI thread. */
public final class Screenshots {
    private Screenshots() {
    }

    public static void write(Scene scene, Path file) {
        WritableImage image = scene.snapshot(null);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            System.err.println("ltrr: screenshot written to " + file);
        } catch (IOException e) {
            System.err.println("ltrr: cannot write the screenshot " + file + ": " + e.getMessage());
        }
    }
}
