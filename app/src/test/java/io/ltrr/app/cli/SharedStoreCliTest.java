package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a shared PostgreSQL store, against a real server (the engine's PostgresTestServer): a data
 * folder made by this release's commands is migrated, twice, and read back from the database; {@code ope} reads
 * the shared log while a workbench holds the folder; {@code --reset-store} refuses to touch a shared store; the
 * store-write bench runs several writers. Every output is checked for the password.
 */
class SharedStoreCliTest {
    private static final String TIME = "2026-11-20T12:00";
    private static final String FEEDBACK_FILE = "feedback.mv.db";

    @TempDir
    Path dir;

    private TeamDatabase db;

    @BeforeEach
    void createDatabase() throws SQLException, IOException {
        db = TeamDatabase.create(dir);
    }

    private CliRun ltrr(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.out() + run.err()).as("no output carries the password").doesNotContain(db.password());
        return run;
    }

    private JsonNode ok(String... args) {
        CliRun run = ltrr(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run.json();
    }

    private static String[] with(String[] first, String... more) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(more)).toArray(String[]::new);
    }

    /**
     * A folder as this release's command line leaves it on its own H2 store: a small catalog indexed, three
     * searches, two clicks, ratings of two annotators (one can't-tell).
     */
    private Path folderMadeByTheCommandLine() throws IOException {
        Path catalog = Files.writeString(dir.resolve("music.csv"), """
                id,title,artist,styles
                t1,Love Song,Harvey Taylor,Trip Hop
                t2,Love Song for the Night,Still Water,Ambient
                t3,Orange Sky,Orange Crush,Rock
                t4,Orange Night,Blue Lines,Trip Hop
                t5,Night Drive,Neon Road,Synthwave
                t6,Drive All Night,The Long Road,Rock
                t7,Quiet Morning,Still Water,Ambient
                t8,Jazz for Rain,Blue Lines,Jazz
                """);
        Path data = dir.resolve("data");
        String d = data.toString();
        ok("index", "--data", d, "--catalog", catalog.toString(), "--no-embeddings", "--json");
        List<String[]> searched = new ArrayList<>();
        for (String q : List.of("love song", "orange", "night drive")) {
            JsonNode r = ok("search", q, "--data", d, "--time", TIME, "--shown", "5", "--json");
            searched.add(new String[] {r.get("search_id").asText(), r.get("results").get(0).get("item_id").asText(),
                    r.get("results").get(1).get("item_id").asText()});
        }
        for (String[] s : searched.subList(0, 2)) {
            ok("feedback", "click", s[0], s[1], "--data", d, "--json");
        }
        for (String[] s : searched) {
            ok("feedback", "rate", s[0], s[1], "3", "--annotator", "alice", "--data", d, "--json");
            ok("feedback", "rate", s[0], s[2], "1", "--annotator", "bob", "--data", d, "--json");
        }
        ok("feedback", "rate", searched.get(2)[0], searched.get(2)[1], "x", "--annotator", "bob", "--data", d,
                "--json");
        assertThat(data.resolve("store.json")).doesNotExist();
        return data;
    }

    /**
     * The log as PostgreSQL keeps it: its timestamps hold microseconds, where H2's hold the nanoseconds the clock
     * gave (the migration's row digests compare them at that precision).
     */
    private static JsonNode toMicroseconds(JsonNode log) {
        JsonNode copy = log.deepCopy();
        for (JsonNode event : copy.get("events")) {
            ((ObjectNode) event).put("time",
                    Instant.parse(event.get("time").asText()).truncatedTo(ChronoUnit.MICROS).toString());
        }
        return copy;
    }

    private Path migratedFolder() throws IOException {
        Path data = folderMadeByTheCommandLine();
        ok(with(new String[] {"store", "migrate", "--data", data.toString(), "--json"}, db.migrateOptions()));
        return data;
    }

    @Test
    void aFolderMadeByTheCommandLineIsMigratedOnceAndItsLogIsThenReadFromPostgresql()
            throws IOException, SQLException {
        Path data = folderMadeByTheCommandLine();
        String d = data.toString();
        JsonNode before = ok("log", "--data", d, "--last", "1000", "--json");
        assertThat(before.get("searches").asLong()).isEqualTo(3);
        assertThat(before.get("clicks").asLong()).isEqualTo(2);
        assertThat(before.get("ratings").asLong()).isEqualTo(7);

        String[] migrate = with(new String[] {"store", "migrate", "--data", d, "--json"}, db.migrateOptions());
        CliRun firstRun = ltrr(migrate);
        assertThat(firstRun.exitCode()).as(firstRun.err()).isZero();
        JsonNode first = firstRun.json();
        assertThat(first.get("already_migrated").asBoolean()).isFalse();
        assertThat(first.get("to").asText()).isEqualTo("jdbc:" + db.url());
        assertThat(first.get("tables").get("searches").get("h2").asLong()).isEqualTo(3);
        assertThat(first.get("tables").get("clicks").get("h2").asLong()).isEqualTo(2);
        assertThat(first.get("tables").get("ratings").get("h2").asLong()).isEqualTo(7);
        long rows = 0;
        for (JsonNode counts : first.get("tables")) {
            assertThat(counts.get("postgresql").asLong()).isEqualTo(counts.get("h2").asLong());
            rows += counts.get("h2").asLong();
        }
        assertThat(first.get("rows").asLong()).isEqualTo(rows);
        assertThat(firstRun.err()).contains("store: the data folder now uses postgresql jdbc:" + db.url());
        assertThat(Files.readString(data.resolve("store.json"))).contains(db.url()).doesNotContain(db.password());

        JsonNode second = ok(migrate);
        assertThat(second.get("already_migrated").asBoolean()).isTrue();
        assertThat(second.get("rows").asLong()).isEqualTo(rows);
        assertThat(second.get("tables")).isEqualTo(first.get("tables"));
        assertThat(db.searches()).isEqualTo(3);

        // The folder's H2 file is set aside: what log shows now can only come from the database.
        Files.move(data.resolve(FEEDBACK_FILE), dir.resolve(FEEDBACK_FILE));
        JsonNode after = ok("log", "--data", d, "--last", "1000", "--json");
        assertThat(after).isEqualTo(toMicroseconds(before));

        ok("search", "jazz rain", "--data", d, "--time", TIME, "--json");
        assertThat(db.searches()).isEqualTo(4);
        assertThat(data.resolve(FEEDBACK_FILE)).doesNotExist();
        assertThat(ok("log", "--data", d, "--json").get("searches").asLong()).isEqualTo(4);
    }

    @Test
    void opeReadsTheSharedLogWhileAWorkbenchHoldsTheFolder() throws IOException, SQLException {
        Path data = migratedFolder();
        String d = data.toString();
        try (Workbench holder = Workbench.open(WorkbenchConfig.defaults(data))) {
            holder.search("orange", SearchContext.anonymous(LocalDateTime.of(2026, 11, 21, 9, 0)));
            assertThat(db.searches()).as("the holder searched in the shared store").isEqualTo(4);

            assertThat(ltrr("feedback", "click", "s-1", "x", "--data", d).err())
                    .as("writers still need the folder").contains("is in use by another workbench");
            JsonNode doc = ok("ope", "--policy", "uniform", "--policy", "arm:bm25", "--bootstrap", "50", "--data", d,
                    "--json");
            assertThat(doc.get("estimates")).hasSize(2);
            for (JsonNode e : doc.get("estimates")) {
                assertThat(e.get("rounds").asLong()).as("every search of the shared log, the holder's too")
                        .isEqualTo(4);
            }
        }
    }

    @Test
    void resetStoreRefusesToTouchASharedStoreInOneLine() throws IOException {
        Path data = migratedFolder();
        String d = data.toString();

        CliRun remembered = ltrr("log", "--data", d, "--reset-store");
        assertThat(remembered.exitCode()).isEqualTo(2);
        assertThat(remembered.err().strip().lines()).hasSize(1);
        assertThat(remembered.err()).contains("ltrr log: --reset-store: this data folder's feedback store is the "
                + "shared PostgreSQL database jdbc:" + db.url())
                .contains("never sets aside or wipes a team's database").contains("--store h2")
                .doesNotContain("Exception");

        Path fresh = dir.resolve("fresh");
        CliRun named = ltrr(with(new String[] {"search", "love", "--data", fresh.toString(), "--reset-store"},
                db.storeOptions()));
        assertThat(named.exitCode()).isEqualTo(2);
        assertThat(named.err().strip().lines()).hasSize(1);
        assertThat(named.err()).contains("--reset-store: this data folder's feedback store is the shared PostgreSQL "
                + "database jdbc:" + db.url());

        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains(FEEDBACK_FILE)
                    .noneMatch(name -> name.contains("damaged"));
        }
        assertThat(fresh).as("a refused command makes and remembers nothing").doesNotExist();
    }

    @Test
    void storeWriteBenchRunsSeveralWritersOnTheSharedStore() throws SQLException {
        Path data = dir.resolve("bench");
        String[] bench = with(new String[] {"bench", "--store-writes", "--data", data.toString(), "--writers", "3",
                "--searches", "12", "--warmup", "2", "--json"}, db.storeOptions());
        CliRun run = ltrr(bench);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("store").asText()).isEqualTo("postgresql");
        assertThat(doc.get("writers").asInt()).isEqualTo(3);
        assertThat(doc.get("searches").asLong()).isEqualTo(36);
        assertThat(doc.get("events").asLong()).isEqualTo(36 + doc.get("clicks").asLong());
        assertThat(doc.get("clicks").asLong()).isBetween(1L, 35L);
        assertThat(doc.get("searches_per_second").asDouble()).isPositive();
        assertThat(doc.get("search_write_p99_ms").asDouble())
                .isGreaterThanOrEqualTo(doc.get("search_write_p50_ms").asDouble()).isPositive();
        assertThat(db.searches()).as("timed and warm-up searches of every writer").isEqualTo(3 * (12 + 2));

        JsonNode log = ok(with(new String[] {"log", "--data", data.toString(), "--json"}));
        assertThat(log.get("searches").asLong()).isEqualTo(42);
        assertThat(log.get("clicks").asLong()).isGreaterThanOrEqualTo(doc.get("clicks").asLong());

        CliRun again = ltrr(bench);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds 42 searches").contains("--into-existing-log");
    }
}
