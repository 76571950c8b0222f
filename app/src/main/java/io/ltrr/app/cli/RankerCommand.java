package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.RankerTraining;
import io.ltrr.engine.api.WorkbenchConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ltrr ranker}: which ranker orders the union of candidates; switch it; train one from the log. */
@Command(name = "ranker", mixinStandardHelpOptions = true,
        description = "Show the active ranker and model versions, switch to another (use ID), or train one from the "
                + "feedback log (train ID), optionally with imported judgments (train ID --judgments SOURCE).")
final class RankerCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    BackendOptions backendOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", description = "show (default), use, train")
    String action = "show";

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "ranker id for 'use' and 'train'")
    String id;

    @Option(names = "--judgments", paramLabel = "SOURCE",
            description = "For train: also learn from judgments imported with 'ltrr import judgments' (the source "
                    + "name given there, by default the file name, or 'all'): each judged query's candidates from "
                    + "every arm, labelled by their grades.")
    String judgments;

    @Override
    public Integer call() {
        try (Workbench wb = Workbench.open(backendOptions.apply(WorkbenchConfig.defaults(common.dataDir())))) {
            TrainedJson trained = null;
            switch (action) {
                case "show" -> { }
                case "use" -> wb.switchRanker(requireId(wb));
                case "train" -> {
                    RankerTraining t = judgments == null ? wb.trainRanker(requireId(wb))
                            : wb.offline().trainRanker(requireId(wb), judgments);
                    trained = new TrainedJson(t.ranker(), t.version(), t.queries(), t.examples(), t.note());
                }
                default -> throw new IllegalArgumentException("ranker: unknown action '" + action
                        + "' (expected show, use or train)");
            }
            RankerJson doc = new RankerJson(trained, wb.rankerId(), wb.rankerIds(), wb.rankerVersions());
            if (common.json()) {
                Json.print(System.out, doc);
            } else {
                Json.fields(doc).forEach((k, v) -> System.out.println(k + ": " + v));
            }
        }
        return 0;
    }

    private String requireId(Workbench wb) {
        if (id == null) {
            throw new IllegalArgumentException("ranker " + action + ": name a ranker, one of " + wb.rankerIds());
        }
        return id;
    }

    /** The active ranker, the rankers to choose from and their model versions; after training, what was learned. */
    record RankerJson(@JsonInclude(Include.NON_NULL) TrainedJson trained, String ranker, List<String> rankers,
                      Map<String, Long> modelVersions) {
    }

    /** A trained model. */
    record TrainedJson(String ranker, long version, int queries, int examples, String method) {
    }
}
