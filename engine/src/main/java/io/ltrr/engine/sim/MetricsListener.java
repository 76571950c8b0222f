package io.ltrr.engine.sim;

/**
 * Receives metric snapshots of a running simulation, on the simulating thread. A listener says in advance
 * whether it wants a round's snapshot so that the simulator builds snapshots only when someone reads them.
 */
public interface MetricsListener {
    /** Reads nothing. */
    MetricsListener NONE = new MetricsListener() {
        @Override
        public boolean wants(long round, boolean last) {
            return false;
        }

        @Override
        public void update(SimulationMetrics metrics) {
        }
    };

    /** Whether the snapshot after 0-based round {@code round} is wanted ({@code last}: the run's final round). */
    default boolean wants(long round, boolean last) {
        return true;
    }

    void update(SimulationMetrics metrics);
}
