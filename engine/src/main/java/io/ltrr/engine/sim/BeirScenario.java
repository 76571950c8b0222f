package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.SelectionBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Simulated users searching a BEIR test collection (see resources/engine/scenarios/README.md for the JSON form):
 * every intent is one of the split's judged queries, typed as written, and its qrels are the truth the click
 * model and the oracle judge by.
 *
 * @param description     one line for people
 * @param collection      the collection directory as written in the file (see {@link #locateCollection()})
 * @param split           the qrels split, or null for the collection's default (test, else the first)
 * @param users           size of the user population
 * @param voiceShare      fraction of users who search by voice
 * @param arms            arms offered (empty: every arm the collection index supports)
 * @param maxArms         arms chosen per round at most
 * @param totalCandidates K, the candidates of all chosen arms together
 * @param minPerArm       the floor of candidates per chosen arm
 * @param shown           results ranked and shown on a screen (N)
 * @param voiceDepth      results a voice user hears
 * @param clickModel      the click model
 */
public record BeirScenario(String description, String collection, String split, int users, double voiceShare,
                           List<String> arms, int maxArms, int totalCandidates, int minPerArm, int shown,
                           int voiceDepth, ClickModelSpec clickModel) implements Scenario {
    /** The system property the launcher sets to the project root. */
    public static final String HOME_PROPERTY = "ltrr.home";

    public BeirScenario {
        description = description == null ? "" : description;
        if (collection == null || collection.isBlank()) {
            throw new IllegalArgumentException("collection must name a BEIR collection directory");
        }
        split = split == null || split.isBlank() ? null : split;
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
        Objects.requireNonNull(clickModel, "click_model");
        // The budget validates itself; building it here reports a bad combination when the file is read.
        new SelectionBudget(maxArms, totalCandidates, minPerArm);
    }

    @Override
    public String kind() {
        return "beir";
    }

    public BeirScenario withMaxArms(int m) {
        return new BeirScenario(description, collection, split, users, voiceShare, arms, m, totalCandidates,
                Math.min(minPerArm, totalCandidates / m), shown, voiceDepth, clickModel);
    }

    /**
     * The collection directory: {@link #collection()} relative to the working directory, else relative to the
     * workbench home ({@value #HOME_PROPERTY}), so a shipped scenario naming {@code ../shared/data/…} works from
     * any directory the launcher is started in.
     *
     * @throws IllegalArgumentException when neither is a directory; the message names both places tried
     */
    public Path locateCollection() {
        Path asWritten = Path.of(collection);
        if (Files.isDirectory(asWritten)) {
            return asWritten;
        }
        String home = System.getProperty(HOME_PROPERTY);
        Path underHome = home == null || asWritten.isAbsolute() ? null : Path.of(home).resolve(collection).normalize();
        if (underHome != null && Files.isDirectory(underHome)) {
            return underHome;
        }
        throw new IllegalArgumentException("BEIR collection '" + collection + "' not found: no directory "
                + asWritten.toAbsolutePath().normalize() + (underHome == null ? "" : " nor " + underHome));
    }

    /**
     * The same traffic in the shape {@link CatalogWorld} runs: BEIR queries are typed as written (no noise), and
     * the intent mixes are irrelevant because {@link BeirIntents} knows a single kind.
     */
    MusicScenario asCatalogScenario() {
        IntentMix collectionOnly = new IntentMix(1, 0, 0);
        return new MusicScenario(description, users, voiceShare, arms, maxArms, totalCandidates, minPerArm, shown,
                voiceDepth, collectionOnly, collectionOnly, new QueryNoise(0, 0, 0, 0, 0), clickModel, 1, Reformulate.OFF);
    }
}
