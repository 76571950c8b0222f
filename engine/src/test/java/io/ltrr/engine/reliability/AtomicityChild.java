package io.ltrr.engine.reliability;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.jdbc.DbFingerprint;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Run in a child JVM by {@link AtomicityTest}: a warm-up search (and click), then, armed, one more search or
 * click that halts the JVM at a chosen write point ({@link HaltingConnection}). Prints {@code BEFORE <digest>}
 * before the armed operation, and {@code AFTER <digest> <points>} when it completed without halting.
 *
 * <p>Arguments: catalog file, data folder, "search" or "click", halt point (-1: never).
 */
public final class AtomicityChild {
    private AtomicityChild() {
    }

    public static void main(String[] args) throws Exception {
        Path catalog = Path.of(args[0]);
        Path data = Path.of(args[1]);
        boolean click = args[2].equals("click");
        int haltAt = Integer.parseInt(args[3]);
        WorkbenchConfig config = SmallWorkbench.config(catalog, data, SmallWorkbench.SEED);
        Workbench wb = Workbench.open(config, H2FeedbackStore.open(data, FeedbackStoreConfig.defaults(),
                Clock.systemUTC(), HaltingConnection::wrap));
        LocalDateTime t0 = LocalDateTime.of(2026, 1, 5, 9, 0);
        SearchContext ctx = SearchContext.anonymous(t0);
        SearchResult warm = wb.search(SmallWorkbench.QUERIES.get(0), ctx);
        wb.click(warm.searchId(), warm.results().getFirst().itemId());
        SearchResult second = wb.search(SmallWorkbench.QUERIES.get(1), SearchContext.anonymous(t0.plusMinutes(1)));
        print("BEFORE " + DbFingerprint.of(data));
        HaltingConnection.arm(haltAt);
        if (click) {
            wb.click(second.searchId(), second.results().getFirst().itemId());
        } else {
            wb.search(SmallWorkbench.QUERIES.get(2), SearchContext.anonymous(t0.plusMinutes(2)));
        }
        int points = HaltingConnection.disarm();
        print("AFTER " + DbFingerprint.of(data) + " " + points);
        Runtime.getRuntime().halt(0);
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
