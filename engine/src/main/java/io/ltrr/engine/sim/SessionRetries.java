package io.ltrr.engine.sim;

import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.rewrite.ReformulationTracker;
import io.ltrr.engine.store.Reformulation;
import io.ltrr.engine.store.SessionSearch;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The retries of one catalog world (see {@link Reformulate}): after a round without a click whose query was
 * mistyped or cut short, it schedules the same user's retry with the words they meant as the next round, and when
 * that retry has run it hands the pair of searches to the world's {@link ReformulationTracker}, which is how the
 * {@code rewrite} arm learns in simulation. Only these pairs are fed: every drawn round opens its own session, so
 * no other pair of searches could ever count as a reformulation.
 *
 * <p>Deterministic: whether a failed search is retried and after how many seconds come from the
 * {@link RandomStreams#REFORMULATE} stream of (seed, failed round), never from the traffic stream, so with
 * reformulation off the traffic, and every figure, is exactly what it was without this class. Not thread-safe (a
 * world plays its rounds in order on one thread).
 */
final class SessionRetries {
    private final Reformulate spec;
    private final ReformulationTracker tracker;
    private final long seed;
    private Pending pending;
    private Reformulation last;

    /**
     * @param tracker receives each (failed search, retry) pair; may be null when {@code spec} is off
     */
    SessionRetries(Reformulate spec, ReformulationTracker tracker, long seed) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (spec.on()) {
            Objects.requireNonNull(tracker, "tracker");
        }
        this.tracker = tracker;
        this.seed = seed;
    }

    /** The failed search a retry answers and the retry itself, to be played as round {@code round}. */
    record Pending(long round, SessionSearch failed, CatalogWorld.Traffic retry) {
    }

    /** The retry scheduled for this round, if the round before failed and its user tries again. */
    Optional<CatalogWorld.Traffic> retryAt(long round) {
        return pending != null && pending.round() == round ? Optional.of(pending.retry()) : Optional.empty();
    }

    /** The retry scheduled by the last round played, if any. */
    Optional<Pending> scheduled() {
        return Optional.ofNullable(pending);
    }

    /** The tracker the retries feed (null when users never retry); its model serves the rewrite arm. */
    ReformulationTracker tracker() {
        return tracker;
    }

    /** The reformulation the tracker recorded from the last retry played, if any. */
    Optional<Reformulation> lastReformulation() {
        return Optional.ofNullable(last);
    }

    /**
     * After round {@code round} has run: feeds the tracker when it was the scheduled retry, and schedules a retry
     * of it as the next round when it failed on a noisy query and the user's coin says so.
     *
     * @param normalized the round's query as the engine normalized it (the form the rewrite model keys on)
     * @param clicked    whether the user clicked anything
     */
    void played(long round, CatalogWorld.Traffic traffic, String normalized, boolean clicked) {
        Pending answered = pending != null && pending.round() == round ? pending : null;
        pending = null;
        if (!spec.on()) {
            return;
        }
        if (answered != null) {
            SessionSearch failed = answered.failed();
            SessionSearch retry = new SessionSearch(searchId(round), failed.sessionId(), failed.userId(),
                    instant(traffic.context()), normalized, clicked ? 1 : 0);
            last = tracker.searched(failed, retry).orElse(null);
            // A retry is typed as meant, so it is never noisy and never retried in turn.
            return;
        }
        if (clicked || !noisy(traffic.query()) || RandomStreams.uniform(seed, round, RandomStreams.REFORMULATE, 0)
                >= spec.probability()) {
            return;
        }
        long pause = 1 + (long) (RandomStreams.uniform(seed, round, RandomStreams.REFORMULATE, 1) * spec.windowSeconds());
        SearchContext ctx = traffic.context();
        SearchContext later = new SearchContext(ctx.userId(), ctx.device(), ctx.localTime().plusSeconds(pause),
                ctx.locale(), ctx.profile());
        SimulatedQuery meant = QueryWriter.meant(traffic.intent(), traffic.query());
        SessionSearch failed = new SessionSearch(searchId(round), "sim-" + round, traffic.user().id(), instant(ctx),
                normalized, 0);
        pending = new Pending(round + 1, failed, new CatalogWorld.Traffic(traffic.user(), later, traffic.intent(), meant));
    }

    /** A typo or a cut-off query: what a user notices and fixes. Reordered words or "artist title" are no mistake. */
    static boolean noisy(SimulatedQuery query) {
        List<String> d = query.distortions();
        return d.contains("typo") || d.contains("truncated");
    }

    private static String searchId(long round) {
        return "s-" + (round + 1);
    }

    private static Instant instant(SearchContext ctx) {
        return ctx.localTime().toInstant(ZoneOffset.UTC);
    }
}
