package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --store} and {@code ltrr store migrate} as scripts meet them without a server: refusals and unreachable
 * databases are one line on stderr, never with the password; the folder's choice is remembered only as asked. The
 * copy itself is tested against a real PostgreSQL server in the engine (StoreMigrateTest).
 */
class StoreCommandTest {
    private static final String SECRET = "s3cr3t-pw-42";
    /** Nothing listens on port 1 of the loopback: the connection is refused at once. */
    private static final String NOWHERE = "postgresql://127.0.0.1:1/team";

    @TempDir
    Path dir;

    private Path folderWithAStore() {
        Path data = dir.resolve("data");
        CliRun index = CliRun.of("index", "--data", data.toString(), "--no-embeddings", "--json");
        assertThat(index.exitCode()).as(index.err()).isZero();
        CliRun run = CliRun.of("search", "love", "--data", data.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return data;
    }

    private Path passwordFile() throws IOException {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, SECRET + "\n");
        return pw;
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        Path data = folderWithAStore();
        CliRun run = CliRun.of("store", "migrate", "--data", data.toString(),
                "--to", "postgresql://ann:" + SECRET + "@127.0.0.1:1/team");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("credentials do not belong in the URL").doesNotContain(SECRET);
        assertThat(data.resolve("store.json")).doesNotExist();
    }

    @Test
    void migratingToAnUnreachableServerIsOneLineAndTheFolderKeepsItsStore() throws IOException {
        Path data = folderWithAStore();
        CliRun run = CliRun.of("store", "migrate", "--data", data.toString(), "--to", NOWHERE,
                "--store-user", "ann", "--store-password-file", passwordFile().toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("not reachable").doesNotContain(SECRET).doesNotContain("Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(data.resolve("store.json")).doesNotExist();
        assertThat(CliRun.of("log", "--data", data.toString(), "--json").exitCode()).isZero();
    }

    @Test
    void aStoreThatCannotBeUsedIsNotRemembered() throws IOException {
        Path data = folderWithAStore();
        CliRun run = CliRun.of("log", "--data", data.toString(), "--store", NOWHERE, "--store-user", "ann",
                "--store-password-file", passwordFile().toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("not reachable").doesNotContain("now uses").doesNotContain(SECRET);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(data.resolve("store.json")).doesNotExist();

        CliRun still = CliRun.of("log", "--data", data.toString(), "--json");
        assertThat(still.exitCode()).as(still.err()).isZero();
        assertThat(still.err()).doesNotContain("now uses");
    }

    @Test
    void aStoreUserWithoutAStoreOnAnH2FolderIsRefused() {
        Path data = folderWithAStore();
        CliRun run = CliRun.of("log", "--data", data.toString(), "--store-user", "ann");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--store-user and --store-password-file need --store");
    }
}
