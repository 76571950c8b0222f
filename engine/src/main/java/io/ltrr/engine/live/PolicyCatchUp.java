package io.ltrr.engine.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.bandit.EarlierSnapshotException;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.store.SearchPull;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.LogPosition;
import io.ltrr.engine.store.SearchIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Restores a policy from its latest snapshot and brings it up to the log. The live loop commits an event first
 * and saves the policy after learning from it, so a process killed in between leaves a snapshot that misses the
 * newest searches (round counter) or feedback (updates). Each snapshot is stamped with the log position it had
 * seen; the pulls the log holds beyond that (ADR 0009) are replayed here, in commit order, which is exactly what the
 * uninterrupted process would have done, since selecting never changes learned state, only the round counter.
 */
final class PolicyCatchUp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyCatchUp() {
    }

    /**
     * Restores {@code policy} (fresh, as created) from the store and catches it up; a caught-up state is saved
     * at once, so the next start need not replay again.
     *
     * @return the log position the policy's state now includes, empty when the store has no stamped snapshot of
     *         it (never used, forgotten by a reset, or saved before snapshots were stamped)
     */
    static Optional<LogPosition> restore(FeedbackStore store, SelectionPolicy policy, long startSearch) {
        var snapshot = store.learnedState().latestPolicyState(policy.id());
        if (snapshot.isEmpty()) {
            // No snapshot: never used, or forgotten by a reset; either way there is nothing to continue from.
            return Optional.empty();
        }
        try {
            policy.restore(snapshot.get().json());
        } catch (EarlierSnapshotException e) {
            return rebuild(store, policy, startSearch);
        }
        Optional<LogPosition> seen = store.learnedState().latestPolicyPosition(policy.id());
        if (seen.isEmpty()) {
            return seen; // saved before snapshots were stamped: use it as it is, as before
        }
        long replayed = replayPulls(store, policy, seen.get().eventId(), startSearch);
        OptionalLong lastRound = store.searchLog().lastRoundAfter(policy.id(), seen.get());
        boolean roundBehind = lastRound.isPresent() && lastRound.getAsLong() + 1 > policy.round();
        if (roundBehind) {
            setRound(policy, lastRound.getAsLong() + 1);
        }
        if (roundBehind || replayed > seen.get().eventId()) {
            store.learnedState().savePolicyState(policy.id(), policy.round(), policy.snapshot());
            return store.learnedState().latestPolicyPosition(policy.id());
        }
        return seen;
    }

    /**
     * A snapshot of an earlier form of the policy whose state cannot carry over (the context-free "epsilon-greedy"
     * and "ucb1" before issue 23): the fresh policy learns every pull of its id in the log, each with its own
     * context (except those of searches made before its state started), continues from the round after its newest
     * search, and is saved in its current form.
     */
    private static Optional<LogPosition> rebuild(FeedbackStore store, SelectionPolicy policy, long startSearch) {
        replayPulls(store, policy, 0, startSearch);
        OptionalLong lastRound = store.searchLog().lastRoundAfter(policy.id(), new LogPosition(0, 0));
        if (lastRound.isPresent()) {
            setRound(policy, lastRound.getAsLong() + 1);
        }
        store.learnedState().savePolicyState(policy.id(), policy.round(), policy.snapshot());
        return store.learnedState().latestPolicyPosition(policy.id());
    }

    /**
     * Learns the pulls of this policy that the log holds after event {@code after}, in commit order, except those of
     * searches made before its state started ({@code startSearch}: a reset forgets them).
     *
     * @return the newest event replayed or passed over, or {@code after} when there was none
     */
    static long replayPulls(FeedbackStore store, SelectionPolicy policy, long after, long startSearch) {
        List<SearchPull> missed = new ArrayList<>();
        // The replay consumer must not call back into the store, so collect first and learn afterwards.
        store.feedbackLog().replayPullsAfter(new LogPosition(0, after), o -> {
            if (o.policyId().equals(policy.id())) {
                missed.add(o);
            }
        });
        missed.stream().filter(o -> madeSince(o, startSearch))
                .forEach(o -> policy.update(o.x(), o.chosenArms(), o.rewards()));
        return missed.isEmpty() ? after : missed.getLast().closeId();
    }

    /** Whether the pull's search was made after the policy's state started (search number above it). */
    static boolean madeSince(SearchPull pull, long startSearch) {
        return SearchIds.parse(pull.searchId()) > startSearch;
    }

    /** The policy interface has no round setter on purpose; its own snapshot format carries the counter. */
    private static void setRound(SelectionPolicy policy, long round) {
        try {
            JsonNode root = JSON.readTree(policy.snapshot());
            if (root instanceof ObjectNode object && object.has("round")) {
                object.put("round", round);
                policy.restore(JSON.writeValueAsString(object));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the snapshot of policy '" + policy.id() + "' is not JSON", e);
        }
    }
}
