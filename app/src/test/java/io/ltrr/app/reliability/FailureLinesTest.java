package io.ltrr.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.app.Launcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures a user can cause or meet, each through the real launcher in its own process: one line on stderr, a
 * non-zero exit, no stack trace; and data with escape sequences never reaches the terminal raw.
 */
class FailureLinesTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void indexASmallCatalog() throws Exception {
        Path catalog = dir.resolve("music.csv");
        Files.writeString(catalog, "id,title,artist,styles\nt1,Evil\u001b]0;pwned\u0007 Song,Bad\u001b[2J Guy,Rock\n"
                + "t2,Love Song,Harvey Taylor,Trip Hop\n");
        data = dir.resolve("data");
        Result index = ltrr("index", "--data", data.toString(), "--catalog", catalog.toString(), "--no-embeddings");
        assertThat(index.exit()).as(index.err()).isZero();
    }

    private static void assertOneLineFailure(Result r, String expected) {
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isNotZero();
        assertThat(r.err().lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList()).as("stderr")
                .singleElement().asString().contains(expected);
        assertThat(r.err()).doesNotContain("\tat ", "Exception in thread");
    }

    @Test
    void aMistypedDataFolderIsNotCreatedByAReadingCommand() throws Exception {
        Path typo = dir.resolve("no-such-folder");
        assertOneLineFailure(ltrr("log", "--data", typo.toString()), "no data folder at " + typo);
        assertThat(typo).doesNotExist();
    }

    @Test
    void feedbackOnAnUnknownSearchAndAnOverLongSourceNameAreOneLineEach() throws Exception {
        assertOneLineFailure(ltrr("feedback", "click", "s-999", "t1", "--data", data.toString()), "s-999");
        Path qrels = dir.resolve("j.qrels");
        Files.writeString(qrels, "q1 0 t1 2\n");
        assertOneLineFailure(ltrr("import", "judgments", qrels.toString(), "--source", "s".repeat(300), "--data",
                data.toString()), "at most 256");
        assertOneLineFailure(ltrr("feedback", "rate", "s-1", "t1", "2", "--annotator", "a".repeat(300), "--data",
                data.toString()), "at most 256");
    }

    @Test
    void badSearchOptionsAreRefusedBeforeTheEngineStarts() throws Exception {
        Path fresh = dir.resolve("never-created");
        assertOneLineFailure(ltrr("search", "x".repeat(5000), "--data", fresh.toString()), "1000");
        assertOneLineFailure(ltrr("search", "love", "--shown", "0", "--data", fresh.toString()), "shown");
        assertOneLineFailure(ltrr("search", "love", "--device", "toaster", "--data", fresh.toString()), "toaster");
        assertOneLineFailure(ltrr("search", "love", "--user", "u".repeat(300), "--data", fresh.toString()),
                "at most 256");
        assertThat(fresh).as("nothing started, nothing created").doesNotExist();
    }

    @Test
    void escapeSequencesInTitlesQueriesAndNamesNeverReachTheTerminal() throws Exception {
        Result search = ltrr("search", "song\u001b[31m", "--data", data.toString());
        assertThat(search.exit()).as(search.err()).isZero();
        String id = search.out().lines().filter(l -> l.contains("s-")).findFirst().orElseThrow()
                .replaceAll(".*(s-\\d+).*", "$1");
        Result rate = ltrr("feedback", "rate", id, "t1", "2", "--annotator", "evil\u001b[2J\u001b]0;pwned\u0007",
                "--data", data.toString());
        assertThat(rate.exit()).as(rate.err()).isZero();
        Result log = ltrr("log", "--data", data.toString());
        for (Result r : List.of(search, rate, log)) {
            assertThat(r.out() + r.err()).doesNotContain("\u001b", "\u0007");
        }
        assertThat(search.out()).contains("Evil^[]0;pwned^G Song").contains("Bad^[[2J Guy");
        assertThat(log.out()).contains("evil^[[2J^[]0;pwned^G");
        Result json = ltrr("log", "--data", data.toString(), "--json");
        assertThat(json.out()).doesNotContain("\u001b").contains("\\u001B");
    }

    @Test
    void aZeroByteStoreIsReportedWithItsFixAndResetOnlyWhenAsked() throws Exception {
        Path copy = dir.resolve("zeroed");
        copyFolder(data, copy);
        Files.write(copy.resolve("feedback.mv.db"), new byte[0]);
        assertOneLineFailure(ltrr("log", "--data", copy.toString()), "--reset-store");
        assertThat(copy.resolve("feedback.mv.db")).isEmptyFile();

        Result reset = ltrr("search", "love", "--reset-store", "--data", copy.toString());
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(reset.err()).contains("set aside as " + copy.toAbsolutePath().normalize().resolve("feedback.mv.db"));
        try (Stream<Path> files = Files.list(copy)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("feedback.mv.db.damaged-"));
        }
    }

    /**
     * A read-only folder: made so with {@code chmod}, or, for root (whom permissions do not stop), with
     * {@code chattr +i}; the test checks the folder really refuses a new file before it relies on it.
     */
    @Test
    void aReadOnlyFolderCanBeReadButNotWritten() throws Exception {
        Path copy = dir.resolve("read-only");
        copyFolder(data, copy);
        Path qrels = dir.resolve("love.qrels");
        Files.writeString(qrels, "love 0 t2 3\n");
        Result imported = ltrr("import", "judgments", qrels.toString(), "--source", "ro", "--data", copy.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        makeReadOnly(copy, true);
        try {
            assertThat(canCreateAFileIn(copy)).as("the folder refuses new files").isFalse();
            Result log = ltrr("log", "--data", copy.toString(), "--json");
            assertThat(log.exit()).as(log.err()).isZero();
            assertThat(log.err()).contains("reading a copy");
            Result eval = ltrr("eval", "--judgments", "ro", "--arm", "bm25", "--data", copy.toString(), "--json");
            assertThat(eval.exit()).as(eval.err()).isZero();
            assertThat(eval.err()).contains("working on a temporary copy");
            assertThat(eval.out()).contains("\"ndcg@10\" : 1.0");
            assertOneLineFailure(ltrr("search", "love", "--data", copy.toString()), "(the folder is read-only)");
        } finally {
            makeReadOnly(copy, false);
        }
    }

    private static void makeReadOnly(Path folder, boolean readOnly) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> command = root ? List.of("chattr", readOnly ? "+i" : "-i", folder.toString())
                : List.of("chmod", readOnly ? "a-w" : "u+w", folder.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = read(p.getInputStream());
        assertThat(p.waitFor()).as("%s: %s", command, out).isZero();
    }

    private static boolean canCreateAFileIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aDamagedIndexIsFoundAndRebuiltSayingWhyByIndexAndBySearch() throws Exception {
        Path copy = dir.resolve("damaged");
        copyFolder(data, copy);
        damage(copy);
        Result r = ltrr("index", "--data", copy.toString(), "--no-embeddings");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("the index was damaged");

        Path searched = dir.resolve("damaged-then-searched");
        copyFolder(data, searched);
        damage(searched);
        Result search = ltrr("search", "love", "--data", searched.toString());
        assertThat(search.exit()).as(search.err()).isZero();
        assertThat(search.err()).contains("the index is damaged").contains("with the folder's settings");
        assertThat(search.out()).contains("Love Song");
    }

    private static void damage(Path folder) throws IOException {
        Path index = folder.resolve("index").resolve("catalog");
        Path largest;
        try (Stream<Path> files = Files.list(index)) {
            largest = files.max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(largest.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0xFF);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result ltrr(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--add-modules",
                "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("ltrr %s finished", List.of(args)).isTrue();
        return new Result(p.exitValue(), out, err.join());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("workbench.lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
