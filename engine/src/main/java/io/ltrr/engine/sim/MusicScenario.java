package io.ltrr.engine.sim;

import java.util.List;
import java.util.Objects;

/**
 * Simulated users searching the music catalog (see resources/engine/scenarios/README.md for the JSON form).
 *
 * @param description     one line for people
 * @param users           size of the user population
 * @param voiceShare      fraction of users who search by voice
 * @param arms            arms offered (empty: every arm available on the index, plus memory)
 * @param maxArms         arms chosen per round at most
 * @param totalCandidates K, the candidates of all chosen arms together
 * @param minPerArm       the floor of candidates per chosen arm
 * @param shown           results ranked and shown on a screen (N)
 * @param voiceDepth      results a voice user hears (1 to 3 is realistic)
 * @param screenMix       intent mix of screen users
 * @param voiceMix        intent mix of voice users
 * @param noise           query noise (typos, truncation, reordering)
 * @param clickModel      the click model
 * @param frequentStyles  how many of the catalog's most frequent styles profiles and topics are drawn from
 * @param reformulate     whether users retry failed searches, and whether the rewrite arm learns from it
 * @param spearfishingHead spearfishing targets are drawn among this many most popular tracks, albums and artists
 *                        (by popularity, as always); 0 = the whole catalog. A small head makes the same searches,
 *                        and the same misspellings of them, recur, as they do on a real service's head queries
 */
public record MusicScenario(String description, int users, double voiceShare, List<String> arms, int maxArms,
                            int totalCandidates, int minPerArm, int shown, int voiceDepth, IntentMix screenMix,
                            IntentMix voiceMix, QueryNoise noise, ClickModelSpec clickModel, int frequentStyles,
                            Reformulate reformulate, int spearfishingHead)
        implements Scenario {
    public MusicScenario {
        if (spearfishingHead < 0) {
            throw new IllegalArgumentException("spearfishing_head must be >= 0, was " + spearfishingHead);
        }
        reformulate = reformulate == null ? Reformulate.OFF : reformulate;
        description = description == null ? "" : description;
        arms = List.copyOf(arms);
        if (users < 1) {
            throw new IllegalArgumentException("users must be >= 1, was " + users);
        }
        if (!(voiceShare >= 0 && voiceShare <= 1)) {
            throw new IllegalArgumentException("voice_share must be in [0, 1], was " + voiceShare);
        }
        if (maxArms < 1) {
            throw new IllegalArgumentException("max_arms must be >= 1, was " + maxArms);
        }
        if (shown < 1 || shown > 100) {
            throw new IllegalArgumentException("shown must be in [1, 100], was " + shown);
        }
        if (voiceDepth < 1 || voiceDepth > shown) {
            throw new IllegalArgumentException("voice_depth must be in [1, shown], was " + voiceDepth);
        }
        if (frequentStyles < 1) {
            throw new IllegalArgumentException("frequent_styles must be >= 1, was " + frequentStyles);
        }
        Objects.requireNonNull(screenMix, "intent_mix.screen");
        Objects.requireNonNull(voiceMix, "intent_mix.voice");
        Objects.requireNonNull(noise, "query_noise");
        Objects.requireNonNull(clickModel, "click_model");
        // The budget validates itself; building it here reports a bad combination when the file is read.
        new io.ltrr.engine.bandit.SelectionBudget(maxArms, totalCandidates, minPerArm);
    }

    /** A scenario whose spearfishing targets span the whole catalog (the form before {@code spearfishing_head}). */
    public MusicScenario(String description, int users, double voiceShare, List<String> arms, int maxArms,
                         int totalCandidates, int minPerArm, int shown, int voiceDepth, IntentMix screenMix,
                         IntentMix voiceMix, QueryNoise noise, ClickModelSpec clickModel, int frequentStyles,
                         Reformulate reformulate) {
        this(description, users, voiceShare, arms, maxArms, totalCandidates, minPerArm, shown, voiceDepth, screenMix,
                voiceMix, noise, clickModel, frequentStyles, reformulate, 0);
    }

    /** A scenario whose users never retry (the form before {@code reformulate} existed). */
    public MusicScenario(String description, int users, double voiceShare, List<String> arms, int maxArms,
                         int totalCandidates, int minPerArm, int shown, int voiceDepth, IntentMix screenMix,
                         IntentMix voiceMix, QueryNoise noise, ClickModelSpec clickModel, int frequentStyles) {
        this(description, users, voiceShare, arms, maxArms, totalCandidates, minPerArm, shown, voiceDepth, screenMix,
                voiceMix, noise, clickModel, frequentStyles, Reformulate.OFF);
    }

    @Override
    public String kind() {
        return "music";
    }

    /** The same scenario offering these arms (empty: every available arm). */
    public MusicScenario withArms(List<String> offered) {
        return new MusicScenario(description, users, voiceShare, offered, maxArms, totalCandidates, minPerArm, shown,
                voiceDepth, screenMix, voiceMix, noise, clickModel, frequentStyles, reformulate, spearfishingHead);
    }

    public MusicScenario withMaxArms(int m) {
        return new MusicScenario(description, users, voiceShare, arms, m, totalCandidates,
                Math.min(minPerArm, totalCandidates / m), shown, voiceDepth, screenMix, voiceMix, noise, clickModel,
                frequentStyles, reformulate, spearfishingHead);
    }

    /**
     * The same users, retrying as before, but without the {@code rewrite} arm (nor its {@code rewrite.p}
     * feature): the other half of a with/without comparison.
     */
    public MusicScenario withoutRewrite() {
        List<String> kept = arms.stream().filter(a -> !a.equals(io.ltrr.engine.retrieval.RewriteStrategy.ID)).toList();
        return new MusicScenario(description, users, voiceShare, kept, maxArms, totalCandidates, minPerArm, shown,
                voiceDepth, screenMix, voiceMix, noise, clickModel, frequentStyles, reformulate.withoutRewriteArm(),
                spearfishingHead);
    }
}
