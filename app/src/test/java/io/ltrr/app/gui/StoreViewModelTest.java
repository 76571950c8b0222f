package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.store.FeedbackStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** File ▸ Feedback store…'s ViewModel and the status bar's store, over a fake workbench, without a toolkit. */
class StoreViewModelTest {
    private static final StoreChoice SHARED = StoreChoice.postgresql("postgresql://db.example:5432/ltrr", "kim",
            null);

    @TempDir
    Path dir;

    private final FakeWorkbenchService service = new FakeWorkbenchService(BackendChoice.embedded());
    private final SameThreadRunner runner = new SameThreadRunner();
    private StatusViewModel status;
    private final AtomicInteger switched = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();

    private StoreViewModel dialog() {
        status = new StatusViewModel(service, runner);
        status.checkStore(runner, () -> { });
        StoreViewModel vm = new StoreViewModel(service, runner, status, switched::incrementAndGet);
        vm.load();
        return vm;
    }

    private StoreViewModel postgresqlAt(String url) {
        StoreViewModel vm = dialog();
        vm.postgresqlProperty().set(true);
        vm.urlProperty().set(url);
        vm.userProperty().set("kim");
        return vm;
    }

    @Test
    void theFormIsFilledFromTheSharedStoreInUse() throws Exception {
        Path secret = Files.writeString(dir.resolve("pw.txt"), "s3cret\n");
        service.storeOn(StoreChoice.postgresql("jdbc:postgresql://db.example:5432/ltrr", "kim", secret));
        StoreViewModel vm = dialog();

        assertThat(vm.postgresqlProperty().get()).isTrue();
        assertThat(vm.urlProperty().get()).isEqualTo("postgresql://db.example:5432/ltrr");
        assertThat(vm.userProperty().get()).isEqualTo("kim");
        assertThat(vm.passwordFileProperty().get()).isEqualTo(secret.toString());
        assertThat(vm.choice()).isEqualTo(service.store());
        assertThat(status.storeProperty().get()).isEqualTo("store: postgresql://db.example:5432/ltrr (shared)");
        assertThat(status.storeOfflineProperty().get()).isFalse();
    }

    @Test
    void theFoldersH2StoreFillsAnEmptyServerForm() {
        StoreViewModel vm = dialog();

        assertThat(vm.postgresqlProperty().get()).isFalse();
        assertThat(vm.urlProperty().get()).isEmpty();
        assertThat(vm.choice()).isEqualTo(StoreChoice.h2());
        assertThat(status.storeProperty().get()).isEqualTo("store: this folder (H2)");
        assertThat(status.storeTipProperty().get()).contains("this data folder's own H2 database");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''| URL: give the database, e.g. postgresql://localhost:5432/ltrr",
        "db.example:5432/ltrr| URL: expected postgresql://host:port/database or jdbc:postgresql://host:port/database",
        "mysql://db.example/ltrr| URL: expected postgresql://host:port/database",
        "postgresql://db.example:5432| URL: name the database, as postgresql://db.example:5432/DATABASE",
        "postgresql:///ltrr| URL: no host in the PostgreSQL URL",
        "postgresql://kim:s3cret@db.example/ltrr| URL: credentials do not belong in the URL; give the user below and "
            + "the password in a password file or $LTRR_STORE_PASSWORD",
        "postgresql://db.example/ltrr?password=s3cret| URL: credentials do not belong in the URL"})
    void aBadUrlIsOneLineNamingTheFieldAndNeverReachesTheEngine(String url, String error) {
        StoreViewModel vm = postgresqlAt(url);

        assertThat(vm.apply(done::incrementAndGet)).isFalse();

        assertThat(vm.errorProperty().get()).startsWith(error).doesNotContain("\n").doesNotContain("s3cret")
                .doesNotContain("--store");
        assertThat(service.storeSwitches).isEmpty();
        assertThat(switched).hasValue(0);
        assertThat(done).hasValue(0);
        assertThat(status.storeProperty().get()).isEqualTo("store: this folder (H2)");
    }

    @Test
    void anUnreadablePasswordFileNeverReachesTheEngine() {
        StoreViewModel vm = postgresqlAt("postgresql://db.example:5432/ltrr");
        vm.passwordFileProperty().set(dir.resolve("missing.txt").toString());

        assertThat(vm.apply(done::incrementAndGet)).isFalse();

        assertThat(vm.errorProperty().get()).isEqualTo("password file: cannot read " + dir.resolve("missing.txt"));
        assertThat(service.storeSwitches).isEmpty();
    }

    @Test
    void aValidUrlSwitchesTheStoreAndTheStatusBarShowsIt() throws Exception {
        Path secret = Files.writeString(dir.resolve("pw.txt"), "s3cret\n");
        StoreViewModel vm = postgresqlAt(" postgresql://db.example:5432/ltrr ");
        vm.passwordFileProperty().set(secret.toString());

        assertThat(vm.apply(done::incrementAndGet)).isTrue();

        assertThat(service.storeSwitches).containsExactly(StoreChoice.postgresql(
                "jdbc:postgresql://db.example:5432/ltrr", "kim", secret));
        assertThat(switched).hasValue(1);
        assertThat(done).hasValue(1);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.current()).isEqualTo(service.store());
        assertThat(status.storeProperty().get()).isEqualTo("store: postgresql://db.example:5432/ltrr (shared)");
        assertThat(status.messageProperty().get()).isEqualTo("feedback is now saved in "
                + "postgresql://db.example:5432/ltrr as kim (remembered for this data folder)");
    }

    @Test
    void aBlankUserIsTheOperatingSystemsAsPsqlDoes() {
        StoreViewModel vm = postgresqlAt("postgresql://db.example:5432/ltrr");
        vm.userProperty().set(" ");

        assertThat(vm.choice().user()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void choosingTheFoldersH2StoreNeedsNoServerFields() {
        service.storeOn(SHARED);
        StoreViewModel vm = dialog();
        vm.postgresqlProperty().set(false);
        vm.urlProperty().set("not a url");

        assertThat(vm.apply(done::incrementAndGet)).isTrue();

        assertThat(service.storeSwitches).containsExactly(StoreChoice.h2());
        assertThat(switched).hasValue(1);
        assertThat(status.storeProperty().get()).isEqualTo("store: this folder (H2)");
    }

    @Test
    void theStoreInUseIsNotReopened() {
        service.storeOn(SHARED);
        StoreViewModel vm = dialog();

        assertThat(vm.apply(done::incrementAndGet)).isTrue();

        assertThat(service.storeSwitches).isEmpty();
        assertThat(switched).hasValue(0);
        assertThat(done).hasValue(1);
        assertThat(status.messageProperty().get()).startsWith("feedback store unchanged: ");
    }

    @Test
    void aStoreThatDoesNotOpenShowsItsLineAndTheWorkbenchStaysOnItsStore() {
        String refused = "cannot log in to jdbc:postgresql://db.example:5432/ltrr as kim: password authentication "
                + "failed";
        service.storeFailingWith(new FeedbackStoreException(refused + "\nat the server", null));
        StoreViewModel vm = postgresqlAt("postgresql://db.example:5432/ltrr");

        assertThat(vm.apply(done::incrementAndGet)).isTrue();

        assertThat(vm.errorProperty().get()).isEqualTo(refused);
        assertThat(switched).hasValue(0);
        assertThat(done).hasValue(0);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.current()).isEqualTo(StoreChoice.h2());
        assertThat(service.store()).isEqualTo(StoreChoice.h2());
        assertThat(status.storeProperty().get()).isEqualTo("store: this folder (H2)");
        assertThat(status.messageProperty().get()).isEqualTo("feedback store not changed: " + refused);
    }
}
