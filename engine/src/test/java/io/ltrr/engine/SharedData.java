package io.ltrr.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's shared data folder ({@code ../shared/data} from the project root). */
public final class SharedData {
    private SharedData() {
    }

    /** The {@code shared/data} folder nearest above the working directory. */
    public static Path dir() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data not found above " + Path.of("").toAbsolutePath()
                + " (the tests expect ../shared/data beside the project)");
    }

    public static Path scifact() {
        return dir().resolve("scifact-dev");
    }

    public static Path freemusicc() {
        return dir().resolve("freemusicc");
    }
}
