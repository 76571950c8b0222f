package io.ltrr.engine.reliability;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Run in a child JVM by {@link KillAfterAcknowledgementTest}: records searches, clicks and ratings through the
 * facade and prints each one's id the moment the facade call returned, as the CLI prints "c-8 recorded", until
 * the parent kills it. Lines: {@code S <searchId>}, {@code C <clickId> <searchId>}, {@code R <ratingId> <searchId>}.
 *
 * <p>Two shapes of use, as a user meets them:
 * <ul>
 *   <li>{@code cli}: every event opens the workbench, records one event, acknowledges it and closes the workbench,
 *       as one {@code ./ltrr search} / {@code ./ltrr feedback click} process does; a kill after the acknowledgement
 *       lands in the close (policy save, index close, H2's close-time compaction) or in the next open;</li>
 *   <li>{@code session}: one workbench stays open for all events, as the GUI keeps it; a kill after the
 *       acknowledgement lands in the next event's writes.</li>
 * </ul>
 *
 * <p>Arguments: catalog file ({@code -}: the folder's own settings, as the CLI reads them), data folder, seed,
 * shape ({@code cli} or {@code session}). The folder has its index already.
 */
public final class AckKillChild {
    private static final int MAX_EVENTS = 10_000;

    private AckKillChild() {
    }

    public static void main(String[] args) {
        Path catalog = Path.of(args[0]);
        Path data = Path.of(args[1]);
        long seed = Long.parseLong(args[2]);
        boolean cli = args[3].equals("cli");
        SplittableRandom random = new SplittableRandom(seed);
        LocalDateTime t0 = LocalDateTime.of(2026, 1, 5, 9, 0);
        // Not closed on purpose in session shape: the process is meant to die without a clean shutdown.
        WorkbenchConfig config = args[0].equals("-") ? WorkbenchConfig.defaults(data)
                : SmallWorkbench.config(catalog, data, SmallWorkbench.SEED);
        Workbench session = cli ? null : Workbench.open(config);
        for (int i = 0; i < MAX_EVENTS; i++) {
            String query = SmallWorkbench.QUERIES.get(random.nextInt(SmallWorkbench.QUERIES.size()));
            SearchContext ctx = SearchContext.anonymous(t0.plusMinutes(i));
            SearchResult r;
            Workbench wb = session != null ? session : Workbench.open(config);
            try {
                r = wb.search(query, ctx);
                ack("S " + r.searchId());
            } finally {
                if (cli) {
                    wb.close();
                }
            }
            if (r.results().isEmpty()) {
                continue;
            }
            String item = r.results().get(random.nextInt(r.results().size())).itemId();
            int what = random.nextInt(3);
            if (what == 2) {
                continue;
            }
            wb = session != null ? session : Workbench.open(config);
            try {
                if (what == 0) {
                    FeedbackResult f = wb.click(r.searchId(), item);
                    ack("C " + f.eventId() + " " + r.searchId());
                } else {
                    FeedbackResult f = wb.rate(r.searchId(), item, random.nextInt(4), "kill-test");
                    ack("R " + f.eventId() + " " + r.searchId());
                }
            } finally {
                if (cli) {
                    wb.close();
                }
            }
        }
        Runtime.getRuntime().halt(0);
    }

    private static void ack(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
