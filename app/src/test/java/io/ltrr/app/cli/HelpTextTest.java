package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help renders cleanly: exit 0, no picocli format warnings (an unescaped % in a description). */
class HelpTextTest {
    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        List<List<String>> paths = new ArrayList<>();
        collect(LtrrCommand.newCommandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(10);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s --help", path).isZero();
            assertThat(run.out() + run.err()).as("%s --help", path).doesNotContain("picocli WARN")
                    .doesNotContain("Could not format");
        }
    }

    private static void collect(CommandLine cli, List<String> prefix, List<List<String>> into) {
        for (var e : cli.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            into.add(path);
            collect(e.getValue(), path, into);
        }
    }
}
