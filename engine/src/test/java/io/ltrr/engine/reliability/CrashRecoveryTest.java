package io.ltrr.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.store.ArmReward;
import io.ltrr.engine.store.ClickEvent;
import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.RatingEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A workbench process killed (SIGKILL) at a seeded random point loses nothing it acknowledged, leaves a
 * consistent log, and on restart its policy equals the policy rebuilt from the log alone: the crash lands
 * between the event commit and the policy save often enough that the catch-up from the log is exercised.
 */
class CrashRecoveryTest {
    /** Hard bound for one child run (JVM start, index open, searches until killed). */
    private static final long CHILD_SECONDS = 30;

    @TempDir
    Path dir;

    /** One acknowledged event as the child printed it. */
    private record Ack(char kind, String eventId, String searchId) {
        static Ack parse(String line) {
            String[] p = line.split(" ");
            return p[0].equals("S") ? new Ack('S', p[1], p[1]) : new Ack(p[0].charAt(0), p[1], p[2]);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 2026, 31337, 9_000_001})
    void acknowledgedEventsSurviveAKillAndThePolicyEqualsItsRebuildFromTheLog(long seed) throws Exception {
        Path data = dir.resolve("data");
        WorkbenchConfig config = SmallWorkbench.config(dir, data);
        SmallWorkbench.open(config).close(); // the index is built here, so the child only searches
        int killAfter = 1 + new SplittableRandom(seed).nextInt(150);

        List<Ack> acks = runAndKill(config, seed, killAfter);

        assertThat(acks).as("acknowledged before the kill (seed %d)", seed).hasSizeGreaterThanOrEqualTo(killAfter);
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            assertAcknowledgedPresent(store, acks);
            assertConsistent(store);
        }
        String restored;
        try (Workbench wb = Workbench.open(config)) {
            String policy = wb.policyId(); // loads the policy: restore + catch-up from the log
            assertThat(policy).isNotBlank();
        } // close saves the policy as loaded
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            String policyId = store.searchLog().impression(acks.getFirst().searchId()).orElseThrow().selection().policyId();
            restored = store.learnedState().latestPolicyState(policyId).orElseThrow().json();
            String rebuilt = SmallWorkbench.rebuiltFromLog(store, policyId, SmallWorkbench.SEED);
            ObjectMapper json = new ObjectMapper();
            assertThat(json.readTree(restored)).as("restored policy vs rebuilt from the log (seed %d)", seed)
                    .isEqualTo(json.readTree(rebuilt));
        }
    }

    /** Starts the child, kills it once it acknowledged {@code killAfter} events, returns all it acknowledged. */
    private List<Ack> runAndKill(WorkbenchConfig config, long seed, int killAfter) throws IOException,
            InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                config.catalog().path().toString(), config.dataDir().toString(), Long.toString(seed), "1000")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // A stuck child must not hang the build: it is killed after the bound whatever happens.
        // Killed through its ProcessHandle: Process.destroyForcibly would also close the pipe with the lines the
        // child printed just before dying, and those were acknowledged too.
        ProcessHandle handle = child.toHandle();
        CompletableFuture.delayedExecutor(CHILD_SECONDS, TimeUnit.SECONDS).execute(handle::destroyForcibly);
        List<Ack> acks = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.matches("[SCR] .*")) {
                    acks.add(Ack.parse(line));
                    if (acks.size() == killAfter) {
                        handle.destroyForcibly(); // SIGKILL: whatever the child is doing, it stops here
                    }
                }
            }
        } finally {
            handle.destroyForcibly();
        }
        assertThat(child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)).as("child ended").isTrue();
        return acks;
    }

    private static void assertAcknowledgedPresent(FeedbackStore store, List<Ack> acks) {
        for (Ack ack : acks) {
            assertThat(store.searchLog().impression(ack.searchId())).as("search %s", ack.searchId()).isPresent();
            switch (ack.kind()) {
                case 'C' -> {
                    assertThat(store.feedbackLog().clicksOf(ack.searchId())).extracting(ClickEvent::clickId).contains(ack.eventId());
                    assertThat(store.feedbackLog().rewardsOf(ack.eventId())).as("rewards of %s", ack.eventId()).isNotEmpty();
                }
                case 'R' -> assertThat(store.feedbackLog().ratingsOf(ack.searchId())).extracting(RatingEvent::ratingId)
                        .contains(ack.eventId());
                default -> { }
            }
        }
    }

    /** Clicks ≤ searches (one click per search at most), every feedback's search exists, every reward's arm was chosen. */
    private static void assertConsistent(FeedbackStore store) {
        assertThat(store.feedbackLog().clickCount()).isLessThanOrEqualTo(store.searchLog().count());
        for (LogEvent e : store.searchLog().recent(100_000, null, null)) {
            Impression imp = store.searchLog().impression(e.searchId()).orElseThrow(() ->
                    new AssertionError("feedback on a search missing from the log: " + e));
            if (e.kind() != LogEvent.Kind.SEARCH) {
                assertThat(imp.shown()).anyMatch(s -> s.itemId().equals(e.itemId()));
            }
        }
        List<FeedbackOutcome> outcomes = new ArrayList<>();
        store.feedbackLog().replay(outcomes::add);
        for (FeedbackOutcome o : outcomes) {
            Impression imp = store.searchLog().impression(o.searchId()).orElseThrow();
            assertThat(o.chosenArms()).containsExactlyInAnyOrderElementsOf(imp.selection().chosen());
            assertThat(store.feedbackLog().rewardsOf(o.eventId())).extracting(ArmReward::armId)
                    .containsExactlyInAnyOrderElementsOf(imp.selection().chosen());
        }
    }
}
