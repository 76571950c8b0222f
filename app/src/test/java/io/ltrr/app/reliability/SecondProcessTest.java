package io.ltrr.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.app.Launcher;
import io.ltrr.app.cli.LtrrCommand;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second workbench process on a data folder in use is refused with one clear line, as a user running
 * {@code ltrr search} while the window is open would see it: exit code 2, no stack trace.
 */
class SecondProcessTest {
    @TempDir
    Path dir;

    @Test
    void theCommandLineSaysTheFolderIsInUseWhileAnotherWorkbenchHoldsIt() throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        Path catalog = dir.resolve("music.csv");
        Files.writeString(catalog, """
                id,title,artist,styles
                t1,Love Song,Harvey Taylor,Trip Hop
                t2,Quiet Morning,Still Water,Ambient
                """);
        assertThat(LtrrCommand.run("index", "--data", data.toString(), "--catalog", catalog.toString(),
                "--no-embeddings", "--json")).isZero();

        try (Workbench holder = Workbench.open(WorkbenchConfig.defaults(data))) {
            holder.search("love", SearchContext.anonymous(LocalDateTime.of(2026, 1, 1, 12, 0))); // opens the store

            Result second = runCli("search", "love", "--data", data.toString());

            assertThat(second.exitCode()).as("exit code; stderr:%n%s", second.err()).isEqualTo(2);
            assertThat(second.err()).contains("ltrr search: data folder " + data.toAbsolutePath().normalize()
                    + " is in use by another workbench process");
            assertThat(second.err()).doesNotContain("Exception", "\tat ");
            assertThat(second.out()).isEmpty();

            // Reading is safe while another workbench writes: log reads a copy of the database taken now.
            Result log = runCli("log", "--data", data.toString(), "--json");
            assertThat(log.exitCode()).as("log while in use; stderr:%n%s", log.err()).isZero();
            assertThat(log.out()).contains("\"searches\" : 1");
            assertThat(log.err()).contains("reading a copy");

            // Rebuilding the index under the open window would swap the catalog beneath it: refused the same way.
            Path other = dir.resolve("other.csv");
            Files.writeString(other, "id,title,artist,styles\nx1,Other,Someone,Jazz\n");
            Result index = runCli("index", "--force", "--catalog", other.toString(), "--no-embeddings",
                    "--data", data.toString());
            assertThat(index.exitCode()).as("exit code; stderr:%n%s", index.err()).isEqualTo(2);
            assertThat(index.err()).contains("is in use by another workbench process").doesNotContain("\tat ");
            assertThat(holder.items()).extracting(i -> i.id()).containsExactlyInAnyOrder("t1", "t2");
        }
    }

    @Test
    void evaluationReadsATemporaryCopyOfAFolderInUseAndKeepsNothingThere() throws Exception {
        Path data = dir.resolve("eval-data");
        Path cached = tinyCollection("cached", "Cats purr and sleep all day.");
        Path fresh = tinyCollection("fresh", "Cats purr loudly.");
        String[] evalCached = {"eval", "--data", data.toString(), "--collection", cached.toString(), "--arm", "bm25",
                "--json"};
        assertThat(runCli(evalCached).exitCode()).isZero(); // builds and keeps the collection's index
        List<String> before = listing(data.resolve("collections"));

        try (Workbench holder = Workbench.open(WorkbenchConfig.defaultsWithoutCatalog(data))) {
            Result again = runCli(evalCached);
            assertThat(again.exitCode()).as("stderr:%n%s", again.err()).isZero();
            assertThat(again.err()).contains("working on a temporary copy").doesNotContain("\tat ");
            assertThat(again.out()).contains("\"ndcg@10\" : 1.0");

            // A collection never indexed there is indexed in the copy, and the copy is thrown away.
            Result other = runCli("eval", "--data", data.toString(), "--collection", fresh.toString(), "--arm",
                    "bm25", "--json");
            assertThat(other.exitCode()).as("stderr:%n%s", other.err()).isZero();
            assertThat(other.out()).contains("\"ndcg@10\" : 1.0");
            assertThat(listing(data.resolve("collections"))).isEqualTo(before);
        }
    }

    private Path tinyCollection(String name, String catText) throws IOException {
        Path beir = dir.resolve(name);
        Files.createDirectories(beir.resolve("qrels"));
        Files.writeString(beir.resolve("corpus.jsonl"), "{\"_id\": \"d1\", \"title\": \"Cats\", \"text\": \""
                + catText + "\"}\n{\"_id\": \"d2\", \"title\": \"Dogs\", \"text\": \"Dogs bark.\"}\n");
        Files.writeString(beir.resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"cats purr\"}\n");
        Files.writeString(beir.resolve("qrels").resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
        return beir;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void twoIndexBuildsAtOnceNeverBreakTheIndex() throws Exception {
        Path data = dir.resolve("race");
        Path catalog = dir.resolve("race.csv");
        Files.writeString(catalog, "id,title,artist,styles\nt1,Love Song,Harvey Taylor,Trip Hop\n"
                + "t2,Quiet Morning,Still Water,Ambient\n");
        String[] index = {"index", "--force", "--no-embeddings", "--catalog", catalog.toString(), "--data",
                data.toString()};
        CompletableFuture<Result> first = CompletableFuture.supplyAsync(() -> runQuietly(index));
        CompletableFuture<Result> second = CompletableFuture.supplyAsync(() -> runQuietly(index));
        for (Result r : List.of(first.join(), second.join())) {
            assertThat(r.exitCode()).as("stderr:%n%s", r.err()).isIn(0, 2);
            if (r.exitCode() == 2) {
                assertThat(r.err()).contains("is in use by another workbench process");
            }
            assertThat(r.err()).doesNotContain("Exception", "\tat ", "write.lock", "external force");
        }
        assertThat(List.of(first.join().exitCode(), second.join().exitCode())).contains(0);
        Result search = runCli("search", "love", "--data", data.toString(), "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(search.out()).contains("\"item_id\" : \"t1\"");
    }

    private static Result runQuietly(String... args) {
        try {
            return runCli(args);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result runCli(String... args) throws IOException, InterruptedException {
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCmd, "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        // Both pipes are drained concurrently so a chatty child cannot block on a full pipe.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("second process finished").isTrue();
        return new Result(p.exitValue(), out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
