package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.lucene.index.CorruptIndexException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's failure handler: one line for every exception, the full disk named, no stack trace. */
class ErrorLineTest {
    private static String handled(Exception e, int expectedExit) {
        StringWriter err = new StringWriter();
        CommandLine cli = LtrrCommand.newCommandLine().getSubcommands().get("feedback");
        cli.setErr(new PrintWriter(err));
        assertThat(LtrrCommand.handle(e, cli, null)).isEqualTo(expectedExit);
        return err.toString();
    }

    @Test
    void aFullDiskDeepInTheCausesIsNamed() {
        Exception h2 = new RuntimeException("feedback store operation failed: General error: \"Could not save "
                + "properties\"", new IllegalStateException("write failed", new IOException("No space left on device")));
        String line = handled(h2, 2);
        assertThat(line.lines()).singleElement().asString().startsWith("ltrr feedback: no space left on the device");
    }

    @Test
    void aDamagedIndexSaysHowToMendIt() {
        Exception lucene = new UncheckedIOException("search failed",
                new CorruptIndexException("checksum failed (hardware problem?)", "_0.cfs"));
        String line = handled(lucene, 2);
        assertThat(line.lines()).singleElement().asString().startsWith("ltrr feedback: the catalog index is damaged")
                .contains("rebuild it with: ltrr index");
    }

    @Test
    void anUnexpectedExceptionIsOneLineWithoutStackTrace() {
        String line = handled(new NullPointerException("boom\nsecond line"), 1);
        assertThat(line.lines()).singleElement().asString()
                .isEqualTo("ltrr feedback: internal error: NullPointerException: boom (run again with LTRR_DEBUG=1 for details)");
    }

    @Test
    void anExpectedFailureIsItsMessageOnOneLine() {
        String line = handled(new UncheckedIOException("cannot write /x: denied\nmore", new IOException("denied")), 2);
        assertThat(line).isEqualTo("ltrr feedback: cannot write /x: denied" + System.lineSeparator());
    }
}
