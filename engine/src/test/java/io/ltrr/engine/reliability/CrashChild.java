package io.ltrr.engine.reliability;

import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.context.SearchContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Run in a child JVM by {@link CrashRecoveryTest}: searches and gives feedback through the facade as fast as it
 * can, printing every event once the facade call returned (= committed), until the parent kills it. Lines:
 * {@code S <searchId>}, {@code C <eventId> <searchId>}, {@code R <eventId> <searchId>}.
 *
 * <p>Arguments: catalog file, data folder, seed, number of searches.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        Path catalog = Path.of(args[0]);
        Path data = Path.of(args[1]);
        long seed = Long.parseLong(args[2]);
        int searches = Integer.parseInt(args[3]);
        SplittableRandom random = new SplittableRandom(seed);
        // Not closed on purpose: the process is meant to die without a clean shutdown.
        Workbench wb = SmallWorkbench.open(SmallWorkbench.config(catalog, data, SmallWorkbench.SEED));
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; i < searches; i++) {
            String query = SmallWorkbench.QUERIES.get(random.nextInt(SmallWorkbench.QUERIES.size()));
            SearchResult r = wb.search(query, SearchContext.anonymous(LocalDateTime.of(2026, 1, 5, 9, 0).plusMinutes(i)));
            ack("S " + r.searchId());
            if (r.results().isEmpty()) {
                continue;
            }
            String item = r.results().get(random.nextInt(r.results().size())).itemId();
            int what = random.nextInt(10);
            if (what < 5) {
                FeedbackResult f = wb.click(r.searchId(), item);
                ack("C " + f.eventId() + " " + r.searchId());
            } else if (what == 5) {
                FeedbackResult f = wb.rate(r.searchId(), item, random.nextInt(4), "crash-test");
                ack("R " + f.eventId() + " " + r.searchId());
            }
        }
        System.out.println("DONE");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void ack(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
