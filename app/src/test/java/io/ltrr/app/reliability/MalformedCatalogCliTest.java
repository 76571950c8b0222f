package io.ltrr.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.app.cli.LtrrCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog with a row that is not UTF-8, seen from the command line: the row is named with file:line on stderr,
 * the rest is indexed, the exit code says success, and the JSON counts the row as skipped.
 */
class MalformedCatalogCliTest {

    @TempDir
    Path dir;

    /** What one in-process run printed; stdout and stderr are the process's, swapped for the run. */
    private record Captured(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private static synchronized Captured run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = LtrrCommand.run(args);
            return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void indexSkipsTheInvalidUtf8RowWithFileAndLineAndLoadsTheRest() throws IOException {
        Path catalog = dir.resolve("bad.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,title,artist\nt1,Love Song,Harvey Taylor\nt2,Caf".getBytes(StandardCharsets.UTF_8));
        // "Café" written in Latin-1: the lone 0xE9 is the most common way a catalog ends up not being UTF-8.
        bytes.write(0xE9);
        bytes.writeBytes(" Song,Pearl Taylor\nt3,Orange Horizon,Valliam\n".getBytes(StandardCharsets.UTF_8));
        Files.write(catalog, bytes.toByteArray());

        Captured run = run("index", "--data", dir.resolve("data").toString(), "--catalog", catalog.toString(),
                "--no-embeddings", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(catalog + ":3: not valid UTF-8 at byte offset 6 of the line");
        JsonNode doc = run.json();
        assertThat(doc.get("loaded").asInt()).isEqualTo(2);
        assertThat(doc.get("skipped").asInt()).isEqualTo(1);
        assertThat(doc.get("items").asInt()).isEqualTo(2);
    }

    @Test
    void aMissingCatalogIsOneClearLineNamingThePath() {
        Path missing = dir.resolve("no-such.csv");

        Captured run = run("index", "--data", dir.resolve("data").toString(), "--catalog", missing.toString(),
                "--no-embeddings", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("file not found: " + missing).doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }
}
