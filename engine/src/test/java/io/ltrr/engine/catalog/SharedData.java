package io.ltrr.engine.catalog;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's shared data ({@code ../shared/data} next to the checkout) from the test's working directory. */
final class SharedData {

    private SharedData() {
    }

    static Path freemusicc() {
        return find("freemusicc/tracks.csv").getParent();
    }

    static Path scifactDev() {
        return find("scifact-dev/corpus.jsonl").getParent();
    }

    /** The project root: the directory holding the top-level pom.xml and sample-catalog/. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("engine")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
    }

    private static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared data file " + relative + " not found in any ../shared/data above "
                + Path.of("").toAbsolutePath());
    }
}
