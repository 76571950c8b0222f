package io.ltrr.app.cli;

import io.ltrr.engine.api.RankerTraining;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import java.util.LinkedHashMap;
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
        try (Workbench wb = Workbench.open(WorkbenchConfig.defaults(common.dataDir()))) {
            Map<String, Object> doc = new LinkedHashMap<>();
            switch (action) {
                case "show" -> { }
                case "use" -> wb.switchRanker(requireId(wb));
                case "train" -> {
                    RankerTraining t = judgments == null ? wb.trainRanker(requireId(wb))
                            : wb.offline().trainRanker(requireId(wb), judgments);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("ranker", t.ranker());
                    m.put("version", t.version());
                    m.put("queries", t.queries());
                    m.put("examples", t.examples());
                    m.put("method", t.note());
                    doc.put("trained", m);
                }
                default -> throw new IllegalArgumentException("ranker: unknown action '" + action
                        + "' (expected show, use or train)");
            }
            doc.put("ranker", wb.rankerId());
            doc.put("rankers", wb.rankerIds());
            doc.put("model_versions", wb.rankerVersions());
            if (common.json()) {
                Json.print(System.out, doc);
            } else {
                doc.forEach((k, v) -> System.out.println(k + ": " + v));
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
}
