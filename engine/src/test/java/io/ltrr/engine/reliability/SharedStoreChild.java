package io.ltrr.engine.reliability;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.Device;
import io.ltrr.engine.context.SearchContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One workbench of a team, run in its own JVM by {@link SharedStoreProcessesTest}: its own data folder, the team's
 * PostgreSQL store. Searches as users the other workbenches search as too (so one workbench's search closes
 * another's), clicks and rates, and rates one search every workbench rates. Prints every committed event:
 * {@code S <searchId>}, {@code C <eventId>}, {@code R <eventId>}, then {@code DONE}.
 *
 * <p>Arguments: catalog folder, data folder, store URL, store user, password file, worker number, searches,
 * the shared search id, its item.
 */
public final class SharedStoreChild {
    private SharedStoreChild() {
    }

    public static void main(String[] args) throws Exception {
        Path catalogDir = Path.of(args[0]);
        Path data = Path.of(args[1]);
        StoreChoice store = StoreChoice.postgresql(args[2], args[3], Path.of(args[4]));
        int worker = Integer.parseInt(args[5]);
        int searches = Integer.parseInt(args[6]);
        String sharedSearch = args[7];
        String sharedItem = args[8];
        SplittableRandom random = new SplittableRandom(1000L + worker);
        WorkbenchConfig config = SmallWorkbench.config(catalogDir, data).withStore(store);
        try (Workbench wb = SmallWorkbench.open(config)) {
            String annotator = "annotator-" + worker;
            FeedbackResult shared = wb.rate(sharedSearch, sharedItem, worker % 4, annotator);
            print("R " + shared.eventId());
            for (int i = 0; i < searches; i++) {
                String query = SmallWorkbench.QUERIES.get(random.nextInt(SmallWorkbench.QUERIES.size()));
                SearchContext ctx = new SearchContext("user-" + random.nextInt(3), Device.SCREEN,
                        LocalDateTime.of(2026, 12, 7, 9, 0).plusMinutes(i), Locale.ENGLISH, List.of());
                SearchResult r = wb.search(query, ctx);
                print("S " + r.searchId());
                if (r.results().isEmpty()) {
                    continue;
                }
                String item = r.results().get(random.nextInt(Math.min(3, r.results().size()))).itemId();
                if (random.nextInt(2) == 0) {
                    print("C " + wb.click(r.searchId(), item).eventId());
                }
                if (random.nextInt(4) == 0) {
                    print("R " + wb.rate(r.searchId(), item, random.nextInt(4), annotator).eventId());
                }
            }
        }
        print("DONE");
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
