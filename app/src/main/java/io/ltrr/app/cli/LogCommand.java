package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import io.ltrr.engine.export.DataExport;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.trace.StartupTrace;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ltrr log}: recent searches, clicks and ratings from the feedback store. */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Show recent events of the feedback log.")
final class LogCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--last", defaultValue = "20", paramLabel = "N", description = "How many events (default: ${DEFAULT-VALUE}).")
    int last;

    @Option(names = "--kind", paramLabel = "KIND", description = "search, click or rating")
    String kind;

    @Option(names = "--grep", paramLabel = "TEXT", description = "Only events whose query or item id contains TEXT.")
    String text;

    @Override
    public Integer call() {
        StartupTrace.mark("log: command parsed");
        if (last < 1 || last > 100_000) {
            throw new IllegalArgumentException("--last must be between 1 and 100000, was " + last);
        }
        LogEvent.Kind k = null;
        if (kind != null) {
            try {
                k = LogEvent.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--kind must be search, click or rating, was '" + kind + "'");
            }
        }
        try (DataExport wb = DataExport.openForReading(common.existingDataDir(),
                storeOptions.choice(common.existingDataDir()))) {
            if (wb.readsACopy()) {
                System.err.println("ltrr: the data folder is in use or read-only: reading a copy of its log taken now");
            }
            StartupTrace.mark("log: store open");
            List<LogEvent> events = wb.recentEvents(last, k, text);
            Map<String, Long> counts = wb.logCounts();
            if (common.json()) {
                Json.print(System.out, new LogJson(counts, events.stream().map(EventJson::of).toList()));
            } else {
                System.out.println(counts);
                for (LogEvent e : events) {
                    System.out.printf(Locale.ROOT, "%s  %-6s %-10s %-40s %s%n", e.time(),
                            e.kind().name().toLowerCase(Locale.ROOT), e.searchId(),
                            e.itemId() == null ? "" : e.itemId(), e.detail());
                }
            }
            StartupTrace.mark("log: printed");
        }
        StartupTrace.mark("log: store closed");
        return 0;
    }

    /** The JSON form of the log: its counts by kind (searches, clicks, ratings) as keys, then the events. */
    record LogJson(@JsonAnyGetter Map<String, Long> counts, List<EventJson> events) {
    }

    /** One event; the item id is null for a search, the annotator for anything but a rating. */
    record EventJson(String kind, String time, String searchId, String itemId, String detail, String annotator) {
        static EventJson of(LogEvent e) {
            return new EventJson(e.kind().name().toLowerCase(Locale.ROOT), e.time().toString(), e.searchId(),
                    e.itemId(), e.detail(), e.annotator());
        }
    }
}
