package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.LearnedState;
import io.ltrr.engine.store.LogPosition;
import io.ltrr.engine.store.PolicySnapshot;
import io.ltrr.engine.store.RankerSnapshot;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** {@link LearnedState} in tables {@code policy_state} and {@code ranker_state}. */
final class H2LearnedState implements LearnedState {
    private final StoreDatabase db;
    private final StateTables state;
    private final Clock clock;

    H2LearnedState(StoreDatabase db, StateTables state, Clock clock) {
        this.db = db;
        this.state = state;
        this.clock = clock;
    }

    @Override
    public void savePolicyState(String policyId, long round, String json) {
        db.sql(c -> {
            state.savePolicy(c, policyId, round, json, clock.instant());
            return null;
        });
    }

    @Override
    public Optional<PolicySnapshot> latestPolicyState(String policyId) {
        return db.sql(c -> state.latestPolicy(c, policyId));
    }

    @Override
    public Optional<LogPosition> latestPolicyPosition(String policyId) {
        return db.sql(c -> state.latestPolicyPosition(c, policyId));
    }

    @Override
    public long saveRankerState(String rankerId, String json) {
        return db.sql(c -> state.saveRanker(c, rankerId, json, clock.instant()));
    }

    @Override
    public Optional<RankerSnapshot> rankerState(String rankerId, long version) {
        return db.sql(c -> state.ranker(c, rankerId, version));
    }

    @Override
    public Map<String, Long> latestRankerVersions() {
        return db.sql(StateTables::latestRankerVersions);
    }

    @Override
    public Optional<RankerSnapshot> latestRankerState(String rankerId) {
        return db.sql(c -> state.latestRanker(c, rankerId));
    }

    @Override
    public void resetLearning() {
        db.sql(c -> {
            StateTables.clear(c);
            return null;
        });
    }
}
