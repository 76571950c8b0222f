package io.ltrr.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.RewardRule;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.Impression;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash windows of the live loop, made deterministic: the store is written directly the way a process
 * killed between "event committed" and "policy saved" leaves it, then the workbench is reopened.
 */
class PolicyCatchUpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static SearchContext ctx(int i) {
        return SearchContext.anonymous(LocalDateTime.of(2026, 3, 1, 10, 0).plusMinutes(i));
    }

    /** Search n times from round {@code from}; clicks the top result of every third search. */
    private static List<Selection> drive(Workbench wb, int from, int n) {
        List<Selection> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            SearchResult r = wb.search(SmallWorkbench.QUERIES.get(i % SmallWorkbench.QUERIES.size()), ctx(i));
            out.add(r.selection());
            if (i % 3 == 0 && !r.results().isEmpty()) {
                wb.click(r.searchId(), r.results().getFirst().itemId());
            }
        }
        return out;
    }

    @Test
    void aClickCommittedButNeverLearnedIsLearnedOnRestartAndTheRunContinuesAsIfUninterrupted() throws IOException {
        List<Selection> uninterrupted;
        try (Workbench wb = SmallWorkbench.open(SmallWorkbench.config(dir, dir.resolve("one")))) {
            uninterrupted = drive(wb, 0, 60).subList(40, 60);
        }
        WorkbenchConfig two = SmallWorkbench.config(dir, dir.resolve("two"));
        SearchResult last;
        try (Workbench wb = SmallWorkbench.open(two)) {
            drive(wb, 0, 39);
            last = wb.search(SmallWorkbench.QUERIES.get(39 % SmallWorkbench.QUERIES.size()), ctx(39));
        }
        // Round 39 clicks its top result: the click and its Q2E count commit, the process dies before learning.
        String item = last.results().getFirst().itemId();
        try (FeedbackStore store = H2FeedbackStore.open(two.dataDir())) {
            store.feedbackLog().recordClick(last.searchId(), item, Instant.parse("2026-03-01T10:39:30Z"));
            store.clickMemory().q2eObserve(last.analysis().normalized(), Map.of(), Map.of(item, 1L));
        }
        List<Selection> afterCrash;
        try (Workbench wb = SmallWorkbench.open(two)) {
            afterCrash = drive(wb, 40, 20);
        }
        assertThat(afterCrash).isEqualTo(uninterrupted);
        assertRestoredEqualsRebuilt(two);
    }

    @Test
    void aSearchLoggedButNeverSavedAdvancesTheRoundCounterOnRestart() throws IOException {
        WorkbenchConfig config = SmallWorkbench.config(dir, dir.resolve("d"));
        SearchResult last;
        try (Workbench wb = SmallWorkbench.open(config)) {
            drive(wb, 0, 10);
            last = wb.search("ambient", ctx(10));
        }
        // The next round's impression commits; the process dies before the policy (round 12) is saved.
        try (FeedbackStore store = H2FeedbackStore.open(config.dataDir())) {
            Impression imp = store.searchLog().impression(last.searchId()).orElseThrow();
            Selection s = imp.selection();
            store.searchLog().recordImpression(new Impression(store.searchLog().newSearchId(), imp.timestamp().plusSeconds(60),
                    imp.sessionId(), imp.userId(), imp.query(), imp.normalizedQuery(), imp.context(), imp.features(),
                    new Selection(s.policyId(), s.round() + 1, s.chosen(), s.candidates(), s.propensity(),
                            s.diagnostics()), imp.shown()));
        }
        try (Workbench wb = SmallWorkbench.open(config)) {
            assertThat(wb.search("ambient", ctx(12)).selection().round()).isEqualTo(last.selection().round() + 2);
        }
        assertRestoredEqualsRebuilt(config);
    }

    @Test
    void aPolicyCaughtUpOnceIsSavedSoTheNextStartHasNothingToReplay() throws IOException {
        WorkbenchConfig config = SmallWorkbench.config(dir, dir.resolve("d"));
        SearchResult r;
        try (Workbench wb = SmallWorkbench.open(config)) {
            r = wb.search("love song", ctx(0));
        }
        // The click, then the search's close (its pull, ADR 0009) commit; the process dies before learning it.
        try (FeedbackStore store = H2FeedbackStore.open(config.dataDir())) {
            store.feedbackLog().recordClick(r.searchId(), r.results().getFirst().itemId(), Instant.parse("2026-03-01T10:00:10Z"));
            assertThat(store.feedbackLog().closeSearches("anonymous", Instant.now(), RewardRule.defaults()))
                    .singleElement().satisfies(p -> assertThat(p.searchId()).isEqualTo(r.searchId()));
        }
        try (Workbench wb = SmallWorkbench.open(config)) {
            wb.policyId(); // loads and catches up
        }
        try (FeedbackStore store = H2FeedbackStore.open(config.dataDir())) {
            var seen = store.learnedState().latestPolicyPosition(r.selection().policyId()).orElseThrow();
            assertThat(seen.eventId()).as("the close after the click").isEqualTo(2);
            List<Object> unseen = new ArrayList<>();
            store.feedbackLog().replayPullsAfter(seen, unseen::add);
            assertThat(unseen).isEmpty();
        }
    }

    /**
     * A folder where the context-free "epsilon-greedy" of before issue 23 saved its counts: the per-context policy
     * that now has the id cannot split them, so it is rebuilt from the log's pulls (each with its context) and opens
     * as if it had run per context all along.
     */
    @Test
    void anEarlierContextFreeSnapshotIsRebuiltFromTheLog() throws IOException {
        WorkbenchConfig config = SmallWorkbench.config(dir, dir.resolve("e"));
        try (Workbench wb = SmallWorkbench.open(config)) {
            wb.switchPolicy("epsilon-greedy");
            drive(wb, 0, 30);
        }
        try (FeedbackStore store = H2FeedbackStore.open(config.dataDir())) {
            long round = JSON.readTree(store.learnedState().latestPolicyState("epsilon-greedy").orElseThrow().json())
                    .path("round").asLong();
            store.learnedState().savePolicyState("epsilon-greedy", round, """
                    {"policy":"epsilon-greedy","seed":1,"round":%d,"config":{"epsilon":0.1},\
                    "state":{"bm25":{"pulls":9,"sum":9.0,"sumOfSquares":9.0}}}""".formatted(round));
        }
        try (Workbench wb = SmallWorkbench.open(config)) {
            assertThat(wb.policyId()).isEqualTo("epsilon-greedy");
        }
        assertRestoredEqualsRebuilt(config);
    }

    private static void assertRestoredEqualsRebuilt(WorkbenchConfig config) throws IOException {
        try (FeedbackStore store = H2FeedbackStore.open(config.dataDir())) {
            String policyId = store.searchLog().impression("s-1").orElseThrow().selection().policyId();
            JsonNode restored = JSON.readTree(store.learnedState().latestPolicyState(policyId).orElseThrow().json());
            JsonNode rebuilt = JSON.readTree(SmallWorkbench.rebuiltFromLog(store, policyId, SmallWorkbench.SEED));
            assertThat(restored).isEqualTo(rebuilt);
        }
    }
}
