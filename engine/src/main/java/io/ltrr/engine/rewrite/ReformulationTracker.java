package io.ltrr.engine.rewrite;

import io.ltrr.engine.store.Reformulation;
import io.ltrr.engine.store.ReformulationCount;
import io.ltrr.engine.store.ReformulationLog;
import io.ltrr.engine.store.SessionSearch;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps a reformulation log and the rewrite chain in step as searches and clicks arrive: a search that
 * reformulates the failed one before it is logged (as failed until it gets a click) and counted in the chain at
 * once; a click promotes the reformulations that led to its search. The chain re-solves lazily (see
 * {@link RewriteModel}). Thread-safe.
 */
public final class ReformulationTracker {
    private final ReformulationLog log;
    private final ReformulationDetector detector;
    private final RewriteModel model;

    public ReformulationTracker(ReformulationLog log, ReformulationDetector detector, RewriteModel model) {
        this.log = Objects.requireNonNull(log, "log");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** A tracker whose chain starts from everything the log already holds. */
    public static ReformulationTracker load(ReformulationLog log, ReformulationDetector detector) {
        return new ReformulationTracker(log, detector, RewriteModel.of(log.counts()));
    }

    public RewriteModel model() {
        return model;
    }

    public ReformulationDetector detector() {
        return detector;
    }

    /**
     * A new search and the one before it in its session: logs and counts the reformulation, if it is one.
     *
     * @return the reformulation recorded, or empty
     */
    public synchronized Optional<Reformulation> searched(SessionSearch previous, SessionSearch next) {
        Optional<Reformulation> r = detector.detect(previous, next, next.clicks() > 0);
        if (r.isPresent() && log.record(r.get())) {
            model.add(r.get().fromQuery(), r.get().toQuery(), r.get().succeeded(), 1);
            return r;
        }
        return Optional.empty();
    }

    /** A search got a click: the reformulations that led to it succeeded. */
    public synchronized void clicked(String searchId) {
        for (ReformulationCount c : log.markSucceeded(searchId)) {
            model.promote(c.fromQuery(), c.toQuery(), c.count());
        }
    }
}
