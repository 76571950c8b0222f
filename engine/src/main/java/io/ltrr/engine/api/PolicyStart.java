package io.ltrr.engine.api;

import java.util.Objects;
import java.util.Set;

/**
 * What the active policy's learned state started from (issue 23): a prior learned offline, or the uniform state
 * of a policy that knows nothing.
 *
 * @param kind   {@value #PRIOR} or {@value #UNIFORM}
 * @param source where the prior came from ("shipped ltrr/priors/thompson.json", a file of the folder), or "none"
 * @param note   for a prior: the scenario, rounds, seed and catalog it was learned on; for a uniform start: why
 *               no prior was used
 */
public record PolicyStart(String kind, String source, String note) {
    public static final String PRIOR = "prior";
    public static final String UNIFORM = "uniform";

    public PolicyStart {
        if (!Set.of(PRIOR, UNIFORM).contains(kind)) {
            throw new IllegalArgumentException("kind must be prior or uniform, was '" + kind + "'");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
    }

    public static PolicyStart prior(String source, String note) {
        return new PolicyStart(PRIOR, source, note);
    }

    public static PolicyStart uniform(String why) {
        return new PolicyStart(UNIFORM, "none", why);
    }

    public boolean fromPrior() {
        return PRIOR.equals(kind);
    }
}
