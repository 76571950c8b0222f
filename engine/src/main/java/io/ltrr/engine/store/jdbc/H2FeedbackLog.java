package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.ArmReward;
import io.ltrr.engine.store.ClickEvent;
import io.ltrr.engine.store.FeedbackLog;
import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.LogPosition;
import io.ltrr.engine.store.RatingEvent;
import io.ltrr.engine.store.RewardRule;
import io.ltrr.engine.store.SearchPull;
import io.ltrr.engine.store.SearchIds;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** {@link FeedbackLog} in tables {@code clicks}, {@code ratings} and {@code arm_rewards}. */
final class H2FeedbackLog implements FeedbackLog {
    private final StoreDatabase db;

    H2FeedbackLog(StoreDatabase db) {
        this.db = db;
    }

    @Override
    public FeedbackOutcome recordClick(String searchId, String itemId, Instant at) {
        return db.sql(c -> FeedbackWriter.click(c, db.dialect(), searchId, itemId, at));
    }

    @Override
    public FeedbackOutcome recordRating(String searchId, String itemId, Integer grade, String annotator, Instant at) {
        return db.sql(c -> FeedbackWriter.rating(c, db.dialect(), searchId, itemId, grade, annotator, at));
    }

    @Override
    public List<ClickEvent> clicksOf(String searchId) {
        long id = SearchIds.parse(searchId);
        return db.sql(c -> EventLog.clicksOf(c, id));
    }

    @Override
    public List<RatingEvent> ratingsOf(String searchId) {
        long id = SearchIds.parse(searchId);
        return db.sql(c -> EventLog.ratingsOf(c, id));
    }

    @Override
    public List<ArmReward> rewardsOf(String eventId) {
        return db.sql(c -> EventLog.rewardsOf(c, eventId));
    }

    @Override
    public long clickCount() {
        return db.sql(c -> Jdbc.count(c, "SELECT COUNT(*) FROM clicks"));
    }

    @Override
    public long ratingCount() {
        return db.sql(c -> Jdbc.count(c, "SELECT COUNT(*) FROM ratings"));
    }

    @Override
    public void replay(Consumer<FeedbackOutcome> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        db.read(c -> {
            EventLog.replay(c, consumer);
            return null;
        });
    }

    @Override
    public void replayAfter(LogPosition seen, Consumer<FeedbackOutcome> consumer) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(consumer, "consumer");
        db.read(c -> {
            EventLog.replayAfter(c, seen.eventId(), consumer);
            return null;
        });
    }

    @Override
    public List<SearchPull> closeSearches(String userId, Instant now, RewardRule rule) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(rule, "rule");
        return db.sql(c -> PullWriter.close(c, db.dialect(), userId, now, rule));
    }

    @Override
    public boolean isClosed(String searchId) {
        long id = SearchIds.parse(searchId);
        return db.sql(c -> PullWriter.isClosed(c, id));
    }

    @Override
    public void replayPulls(Consumer<SearchPull> consumer) {
        replayPullsAfter(new LogPosition(0, 0), consumer);
    }

    @Override
    public void replayPullsAfter(LogPosition seen, Consumer<SearchPull> consumer) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(consumer, "consumer");
        db.read(c -> {
            PullWriter.replayAfter(c, seen.eventId(), consumer);
            return null;
        });
    }
}
