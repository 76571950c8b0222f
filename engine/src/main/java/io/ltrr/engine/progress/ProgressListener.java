package io.ltrr.engine.progress;

/** Receives progress of a long job (index build, simulation, evaluation). Called from the worker thread. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * @param phase short description of the current phase ("embedding", "indexing", …)
     * @param done  units done so far
     * @param total units in all, or -1 when unknown
     */
    void progress(String phase, long done, long total);
}
