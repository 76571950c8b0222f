package io.ltrr.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.store.jdbc.DbFingerprint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One search is one transaction, and so is one click: a JVM halted at any write point of either (before each
 * write statement, and before the commit) leaves the database exactly as it was before the operation, and one
 * that halts right after the operation returned leaves it exactly as it was then. Every point is tried, each in
 * a fresh child JVM on a fresh copy of the same folder.
 */
class AtomicityTest {
    private static final long CHILD_SECONDS = 60;

    @TempDir
    Path dir;

    private record Run(int exit, String before, String after, int points) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"search", "click"})
    void aCrashAtAnyWriteLeavesAllOfTheOperationOrNoneOfIt(String operation) throws Exception {
        Path base = dir.resolve("base");
        WorkbenchConfig config = SmallWorkbench.config(dir, base);
        SmallWorkbench.open(config).close(); // the index is built once; each run copies the folder

        Path whole = copy(base, dir.resolve("whole"));
        Run complete = run(config, whole, operation, -1);
        assertThat(complete.exit()).as("uninterrupted run").isZero();
        assertThat(complete.points()).as("write points of one %s", operation).isGreaterThan(2);
        assertThat(complete.after()).isNotEqualTo(complete.before());
        assertThat(DbFingerprint.of(whole)).as("the completed %s after the JVM halted", operation)
                .isEqualTo(complete.after());

        for (int point = 1; point <= complete.points(); point++) {
            Path data = copy(base, dir.resolve(operation + "-" + point));
            Run crashed = run(config, data, operation, point);
            assertThat(crashed.exit()).as("halted at point %d", point).isEqualTo(3);
            assertThat(crashed.after()).isNull();
            assertThat(DbFingerprint.of(data)).as("%s halted at write point %d of %d: none of it", operation, point,
                    complete.points()).isEqualTo(crashed.before());
        }
    }

    private static Run run(WorkbenchConfig config, Path data, String operation, int haltAt) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), AtomicityChild.class.getName(),
                config.catalog().path().toString(), data.toString(), operation, Integer.toString(haltAt))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        ProcessHandle handle = child.toHandle();
        CompletableFuture.delayedExecutor(CHILD_SECONDS, TimeUnit.SECONDS).execute(handle::destroyForcibly);
        String before = null;
        String after = null;
        int points = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] p = line.split(" ");
                if (p[0].equals("BEFORE")) {
                    before = p[1];
                } else if (p[0].equals("AFTER")) {
                    after = p[1];
                    points = Integer.parseInt(p[2]);
                }
            }
        }
        assertThat(child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)).as("child ended").isTrue();
        assertThat(before).as("the child reached the armed operation").isNotNull();
        return new Run(child.exitValue(), before, after, points);
    }

    private static Path copy(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(from)) {
            all = new ArrayList<>(s.toList());
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            try {
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("workbench.lock")) {
                    Files.copy(p, target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return to;
    }
}
