package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.retrieval.BackendException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File ▸ Retrieval backend…'s ViewModel and the status bar's backend, over a fake workbench, without a toolkit. */
class BackendViewModelTest {
    private static final String NO_KNN = "the cluster has no k-NN plugin: indexed without vectors, so the dense arm "
            + "is unavailable";

    @TempDir
    Path dir;

    private FakeWorkbenchService service = new FakeWorkbenchService(BackendChoice.embedded());
    private final SameThreadRunner runner = new SameThreadRunner();
    private StatusViewModel status;
    private final AtomicInteger switched = new AtomicInteger();

    private BackendViewModel dialog() {
        status = new StatusViewModel(service, runner);
        status.refresh();
        BackendViewModel vm = new BackendViewModel(service, runner, status, () -> 0L);
        vm.load();
        return vm;
    }

    private BackendViewModel openSearchAt(String url) {
        BackendViewModel vm = dialog();
        vm.opensearchProperty().set(true);
        vm.urlProperty().set(url);
        return vm;
    }

    @Test
    void theFormIsFilledFromTheCurrentChoice() throws Exception {
        Path secret = Files.writeString(dir.resolve("pw.txt"), "s3cret\n");
        service = new FakeWorkbenchService(BackendChoice.opensearch("https://search.example:9200", "music", "kim",
                secret));
        BackendViewModel vm = dialog();

        assertThat(vm.opensearchProperty().get()).isTrue();
        assertThat(vm.urlProperty().get()).isEqualTo("https://search.example:9200");
        assertThat(vm.indexProperty().get()).isEqualTo("music");
        assertThat(vm.userProperty().get()).isEqualTo("kim");
        assertThat(vm.passwordFileProperty().get()).isEqualTo(secret.toString());
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.choice()).isEqualTo(service.backend());
        assertThat(status.backendProperty().get()).isEqualTo("OpenSearch music @ https://search.example:9200");
    }

    @Test
    void theEmbeddedIndexFillsAnEmptyClusterForm() {
        BackendViewModel vm = dialog();

        assertThat(vm.opensearchProperty().get()).isFalse();
        assertThat(vm.urlProperty().get()).isEmpty();
        assertThat(vm.choice()).isEqualTo(BackendChoice.embedded());
        assertThat(status.backendProperty().get()).isEqualTo("embedded index");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "localhost:9200", "ftp://search.example:21", "http://", "http:// bad host",
        "http://search.example:9200/ltrr-catalog", "http://kim:s3cret@search.example:9200"})
    void aMissingOrBadUrlIsOneLineAndNeverReachesTheEngine(String url) {
        BackendViewModel vm = openSearchAt(url);

        assertThat(vm.apply(switched::incrementAndGet)).isFalse();

        assertThat(vm.errorProperty().get()).startsWith("URL: ").doesNotContain("\n").doesNotContain("s3cret");
        assertThat(service.switches).isEmpty();
        assertThat(switched).hasValue(0);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(status.backendProperty().get()).isEqualTo("embedded index");
    }

    @Test
    void aBadIndexNameOrAnUnreadablePasswordFileNeverReachesTheEngine() {
        BackendViewModel vm = openSearchAt("http://localhost:9200");
        vm.indexProperty().set("Music Catalog");
        assertThat(vm.apply(switched::incrementAndGet)).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("index: 'Music Catalog' is not a valid index name");

        vm.indexProperty().set("");
        vm.passwordFileProperty().set(dir.resolve("missing.txt").toString());
        assertThat(vm.apply(switched::incrementAndGet)).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("password file: cannot read " + dir.resolve("missing.txt"));
        assertThat(service.switches).isEmpty();
    }

    @Test
    void aSuccessfulSwitchShowsTheNewBackendInTheStatusBar() {
        BackendViewModel vm = openSearchAt(" http://localhost:9200 ");
        vm.userProperty().set("admin");

        assertThat(vm.apply(switched::incrementAndGet)).isTrue();

        assertThat(service.switches).containsExactly(BackendChoice.opensearch("http://localhost:9200", "", "admin",
                null));
        assertThat(switched).hasValue(1);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.current()).isEqualTo(service.backend());
        assertThat(status.backendProperty().get()).isEqualTo("OpenSearch ltrr-catalog @ http://localhost:9200");
        assertThat(status.messageProperty().get()).isEqualTo("catalog searched in OpenSearch ltrr-catalog @ "
                + "http://localhost:9200 — built 10 items in 1.5 s: no index yet");
        assertThat(vm.progress().detailProperty().get()).startsWith("5 / 10");
    }

    @Test
    void aClusterWithoutKnnIsSaidFirst() {
        service.reporting("no index yet; " + NO_KNN);
        BackendViewModel vm = openSearchAt("http://localhost:9200");

        vm.apply(switched::incrementAndGet);

        assertThat(status.messageProperty().get()).isEqualTo("⚠ " + NO_KNN + " — catalog searched in OpenSearch "
                + "ltrr-catalog @ http://localhost:9200 — built 10 items in 1.5 s: no index yet");
    }

    @Test
    void aFailingSwitchShowsItsLineAndKeepsTheOldBackend() {
        String refused = "OpenSearch at http://localhost:9200 refused the credentials of user 'admin' (HTTP 401)";
        service.failingWith(new BackendException(refused));
        BackendViewModel vm = openSearchAt("http://localhost:9200");

        assertThat(vm.apply(switched::incrementAndGet)).isTrue();

        assertThat(vm.errorProperty().get()).isEqualTo(refused);
        assertThat(switched).hasValue(0);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(service.backend()).isEqualTo(BackendChoice.embedded());
        assertThat(vm.current()).isEqualTo(BackendChoice.embedded());
        assertThat(status.backendProperty().get()).isEqualTo("embedded index");
        assertThat(status.messageProperty().get()).isEqualTo("retrieval backend not changed: " + refused);
    }

    @Test
    void anEngineRefusalIsShownInOneLineWithTheFieldNamed() {
        service.failingWith(new IllegalArgumentException("--opensearch-url: no host in 'http://x_y:9200'\nmore"));
        BackendViewModel vm = openSearchAt("http://localhost:9200");

        vm.apply(switched::incrementAndGet);

        assertThat(vm.errorProperty().get()).isEqualTo("URL: no host in 'http://x_y:9200'");
    }

    @Test
    void aCancelledSwitchSaysTheFolderStaysWhereItWas() {
        service.failingWith(new CancellationException());
        BackendViewModel vm = openSearchAt("http://localhost:9200");

        vm.apply(switched::incrementAndGet);

        assertThat(vm.errorProperty().get()).isEqualTo("cancelled: the catalog is still searched in embedded index");
        assertThat(status.backendProperty().get()).isEqualTo("embedded index");
    }

    @Test
    void switchingBackToTheEmbeddedIndexNeedsNoClusterFields() {
        service = new FakeWorkbenchService(BackendChoice.opensearch("http://localhost:9200", "", "", null));
        BackendViewModel vm = dialog();
        vm.opensearchProperty().set(false);
        vm.urlProperty().set("not a url");

        assertThat(vm.apply(switched::incrementAndGet)).isTrue();

        assertThat(service.switches).containsExactly(BackendChoice.embedded());
        assertThat(status.backendProperty().get()).isEqualTo("embedded index");
    }

    @Test
    void theStatusBarShowsTheClusterAndIndexAndNoCredentialsCanReachIt() {
        assertThat(StatusViewModel.backendText(BackendChoice.opensearch("https://search.example:9200",
                "music", "kim", null))).isEqualTo("OpenSearch music @ https://search.example:9200");
        assertThatThrownBy(() -> BackendChoice.opensearch("https://kim:s3cret@search.example:9200", "music", "", null))
                .message().doesNotContain("s3cret");
    }
}
