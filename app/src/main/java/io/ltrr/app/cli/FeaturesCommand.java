package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ltrr features export --out FILE}: the logged ranker features with labels, for training elsewhere. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Export the logged ranker features of shown items in SVMlight/RankLib format "
                + "(label = max(grade, 1 if clicked), qid = search id number, '# n name' header lines).")
final class FeaturesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    BackendOptions backendOptions;

    @Parameters(index = "0", paramLabel = "ACTION", description = "export")
    String action;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the examples.")
    Path out;

    @Override
    public Integer call() {
        if (!"export".equals(action)) {
            throw new IllegalArgumentException("features: unknown action '" + action + "' (expected export)");
        }
        try (Workbench wb = Workbench.open(backendOptions.apply(WorkbenchConfig.defaults(common.dataDir())))) {
            long lines = wb.exportFeatures(out);
            if (common.json()) {
                Json.print(System.out, new FeaturesJson(out.toAbsolutePath().toString(), lines));
            } else {
                System.out.println("wrote " + lines + " examples to " + out);
            }
        }
        return 0;
    }

    /** The JSON form of a features export. */
    record FeaturesJson(String file, long examples) {
    }
}
