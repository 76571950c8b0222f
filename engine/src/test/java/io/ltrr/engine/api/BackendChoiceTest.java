package io.ltrr.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendChoiceTest {
    @TempDir
    Path dir;

    @Test
    void aChoiceIsRememberedInTheFolderWithoutAnyPassword() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "s3cret-pw\nignored second line\n");
        BackendChoice choice = BackendChoice.opensearch("https://search.example:9200", "music", "alice", pw);
        DataLayout layout = new DataLayout(dir);
        choice.write(layout.backend());
        String file = Files.readString(layout.backend());
        assertThat(file).contains("https://search.example:9200", "music", "alice").doesNotContain("s3cret");
        BackendChoice read = BackendChoice.read(layout.backend()).orElseThrow();
        assertThat(read.sameLocation(choice)).isTrue();
        assertThat(read.user()).isEqualTo("alice");
        assertThat(read.password()).isEqualTo("s3cret-pw");
        assertThat(read.toString()).doesNotContain("s3cret");
        assertThat(read.describe()).isEqualTo("opensearch https://search.example:9200 index music");
    }

    @Test
    void aFolderWithoutTheFileIsOnTheEmbeddedIndex() {
        assertThat(BackendChoice.read(new DataLayout(dir).backend())).isEmpty();
        assertThat(WorkbenchConfig.defaultsWithoutCatalog(dir).backend().isEmbedded()).isTrue();
    }

    @Test
    void badChoicesAreRefusedInOneLine() {
        assertThatThrownBy(() -> new BackendChoice("solr", "", "", "", null))
                .hasMessage("--backend: expected embedded or opensearch, was 'solr'");
        assertThatThrownBy(() -> BackendChoice.opensearch("", "", "", null))
                .hasMessageContaining("needs --opensearch-url");
        for (String url : new String[] {"http://alice:s3cret-pw@host:9200", "http://alice:s3cret-pw@my_host:9200",
                "alice:s3cret-pw@host:9200"}) {
            assertThatThrownBy(() -> BackendChoice.opensearch(url, "", "", null))
                    .hasMessageContaining("credentials do not belong in the URL")
                    .message().doesNotContain("s3cret");
        }
        assertThatThrownBy(() -> BackendChoice.opensearch("http://h:9200", "", "", dir.resolve("missing")).password())
                .hasMessage("--opensearch-password-file: cannot read " + dir.resolve("missing"));
    }

    @Test
    void aDamagedFileNamesItselfAndTheFix() throws Exception {
        Files.writeString(new DataLayout(dir).backend(), "{not json");
        assertThatThrownBy(() -> BackendChoice.read(new DataLayout(dir).backend()))
                .hasMessageContaining("backend.json is damaged or unreadable")
                .hasMessageContaining("ltrr index --backend");
    }
}
