package io.ltrr.engine.sim;

import java.util.random.RandomGenerator;

/** Where simulated users' intents come from: the music catalog, or the queries of a test collection. */
public interface IntentSource {
    /**
     * An intent of (preferably) the requested kind for this user; a source that cannot make that kind (a test
     * collection knows only its own queries) returns what it can.
     */
    Intent draw(IntentKind requested, SimulatedUser user, RandomGenerator random);
}
