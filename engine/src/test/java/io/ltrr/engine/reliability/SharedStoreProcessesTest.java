package io.ltrr.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.folder.WorkbenchState;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.jdbc.PostgresFeedbackStore;
import io.ltrr.engine.store.pg.PostgresTestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several workbenches, each its own JVM and data folder, search, click and rate at the same time against one
 * PostgreSQL store (issue 20, ADR 0011): afterwards every acknowledged event is in the store exactly once, the
 * counts are exact, ids are unique across the processes, the ratings of several annotators on one item are kept
 * apart, and the policy the store holds equals a fresh replay of the whole shared log — no workbench overwrote
 * what another had learned.
 */
class SharedStoreProcessesTest {
    private static final int WORKBENCHES = 3;
    private static final int SEARCHES = 40;
    private static final long CHILD_SECONDS = 240;
    private static final String ALTER_OWNER = "ALTER DATABASE %s OWNER TO " + PostgresTestServer.TEAM_ROLE;
    private static final String SEARCH_IDS = "SELECT search_id FROM searches";
    private static final String CLICK_IDS = "SELECT click_id FROM clicks";
    private static final String RATING_IDS = "SELECT rating_id FROM ratings";
    private static final String ANNOTATORS_OF_SEARCH = "SELECT annotator FROM ratings WHERE search_id = ?";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void workbenchesInSeparateProcessesShareOneStoreWithoutLosingOrDuplicatingAnythingOrEachOthersLearning()
            throws Exception {
        PostgresTestServer server = PostgresTestServer.shared();
        String database = server.newDatabase();
        try (Connection c = server.connect("postgres");
             PreparedStatement ps = c.prepareStatement(ALTER_OWNER.formatted(database))) {
            ps.execute();
        }
        String url = server.jdbcUrl(database);
        Path passwordFile = dir.resolve("store-password");
        Files.writeString(passwordFile, server.teamPassword() + "\n");
        StoreChoice store = StoreChoice.postgresql(url.replace("jdbc:", ""), PostgresTestServer.TEAM_ROLE,
                passwordFile);

        // One search every workbench will rate, made before they start.
        SearchResult shared;
        WorkbenchConfig first = SmallWorkbench.config(dir, dir.resolve("first")).withStore(store);
        try (Workbench wb = SmallWorkbench.open(first)) {
            shared = wb.search("love song", SearchContext.anonymous(LocalDateTime.of(2026, 12, 7, 8, 0)));
        }
        assertThat(shared.results()).isNotEmpty();

        List<Process> children = new ArrayList<>();
        for (int w = 0; w < WORKBENCHES; w++) {
            children.add(start(w, store, passwordFile, url, shared));
        }
        Set<String> acknowledged = new HashSet<>();
        List<String> all = new ArrayList<>();
        for (Process child : children) {
            List<String> lines = readAll(child);
            assertThat(child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)).as("workbench ended").isTrue();
            assertThat(lines).as("workbench output").endsWith("DONE");
            assertThat(child.exitValue()).isZero();
            lines.stream().filter(l -> !l.equals("DONE")).map(l -> l.substring(2)).forEach(all::add);
        }
        acknowledged.addAll(all);
        assertThat(acknowledged).as("ids are unique across the workbenches").hasSameSizeAs(all);
        long searches = all.stream().filter(id -> id.startsWith("s-")).count();
        assertThat(searches).isEqualTo((long) WORKBENCHES * SEARCHES);

        try (Connection c = server.connect(database)) {
            Set<String> inStore = new HashSet<>();
            inStore.addAll(ids(c, SEARCH_IDS, "s-"));
            inStore.addAll(ids(c, CLICK_IDS, "c-"));
            inStore.addAll(ids(c, RATING_IDS, "r-"));
            Set<String> expected = new HashSet<>(acknowledged);
            expected.add(shared.searchId());
            assertThat(inStore).as("every acknowledged event once, nothing else").isEqualTo(expected);

            List<String> annotators = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ANNOTATORS_OF_SEARCH)) {
                ps.setLong(1, Long.parseLong(shared.searchId().substring(2)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        annotators.add(rs.getString(1));
                    }
                }
            }
            assertThat(annotators).as("one rating per annotator on the shared search")
                    .containsExactlyInAnyOrder("annotator-0", "annotator-1", "annotator-2");
        }

        try (PostgresFeedbackStore team = PostgresFeedbackStore.open(url, PostgresTestServer.TEAM_ROLE,
                server.teamPassword(), FeedbackStoreConfig.defaults())) {
            String policy = WorkbenchState.DEFAULT_POLICY;
            String saved = team.learnedState().latestPolicyState(policy).orElseThrow().json();
            String replayed = SmallWorkbench.rebuiltFromLog(team, policy, SmallWorkbench.SEED);
            assertThat(JSON.readTree(saved)).as("the policy the team's store holds vs a replay of the whole log")
                    .isEqualTo(JSON.readTree(replayed));
            assertThat(JSON.readTree(saved).get("round").asLong()).as("every search counted once")
                    .isEqualTo(1L + (long) WORKBENCHES * SEARCHES);
        }
    }

    private Process start(int worker, StoreChoice store, Path passwordFile, String url, SearchResult shared)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), SharedStoreChild.class.getName(),
                dir.toString(), dir.resolve("workbench-" + worker).toString(), store.url(), store.user(),
                passwordFile.toString(), Integer.toString(worker), Integer.toString(SEARCHES), shared.searchId(),
                shared.results().getFirst().itemId())
                .redirectError(dir.resolve("workbench-" + worker + ".err").toFile())
                .start();
        // A stuck child must not hang the build.
        CompletableFuture.delayedExecutor(CHILD_SECONDS, TimeUnit.SECONDS).execute(child::destroyForcibly);
        return child;
    }

    private static List<String> readAll(Process child) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.matches("[SCR] .*|DONE")) { // a library's log line is not an acknowledgement
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static Set<String> ids(Connection c, String sql, String prefix) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(prefix + rs.getLong(1));
            }
        }
        return out;
    }
}
