package io.ltrr.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Users' search sessions ("ses-&lt;n&gt;"). */
public interface SessionLog {
    /**
     * The session of a user at a time: the user's latest session when its last activity is at most the gap
     * before {@code at} (that session's last activity moves to {@code at}), otherwise a new session.
     */
    String sessionFor(String userId, Instant at, Duration inactivityGap);

    /** A logged search with its clicks so far, or empty for an unknown id. */
    Optional<SessionSearch> search(String searchId);

    /** The search logged just before this one in the same session, or empty when it opened its session. */
    Optional<SessionSearch> previousInSession(String searchId);
}
