package io.ltrr.engine.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFolderTest {
    @TempDir
    Path data;

    @Test
    void copiesTheFolderLinksItsIndexesSkipsWhatIsBeingBuiltAndLeavesTheOriginalAlone() throws IOException {
        Files.writeString(data.resolve("workbench.json"), "{}");
        Files.writeString(data.resolve(DataFolderLock.FILE_NAME), "");
        Files.createDirectories(data.resolve("index/catalog"));
        Files.writeString(data.resolve("index/catalog/_0.cfs"), "segment");
        Files.writeString(data.resolve("index/catalog/write.lock"), "");
        Files.createDirectories(data.resolve("collections/scifact.building"));
        Files.writeString(data.resolve("collections/scifact.building/_0.cfs"), "half");

        Path copy;
        try (ScratchFolder scratch = ScratchFolder.copyOf(data)) {
            copy = scratch.path();
            assertThat(copy.resolve("workbench.json")).hasContent("{}");
            assertThat(copy.resolve(DataFolderLock.FILE_NAME)).doesNotExist();
            assertThat(copy.resolve("index/catalog/_0.cfs")).hasContent("segment");
            assertThat(copy.resolve("index/catalog/write.lock")).doesNotExist();
            assertThat(copy.resolve("collections/scifact.building")).doesNotExist();
            assertThat(Files.isSameFile(copy.resolve("index/catalog/_0.cfs"), data.resolve("index/catalog/_0.cfs")))
                    .as("a link, not a copy, on the same file system").isTrue();
            Files.writeString(copy.resolve("built-here.txt"), "thrown away");
        }
        assertThat(copy).doesNotExist();
        assertThat(data.resolve("index/catalog/_0.cfs")).hasContent("segment");
        assertThat(data.resolve("built-here.txt")).doesNotExist();
    }
}
