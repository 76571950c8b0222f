package io.ltrr.engine.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Turns an intent into the query a user types: lower case, sometimes as "artist title", with words swapped,
 * the end cut off, or one character edited, as {@link QueryNoise} says. Every draw comes from the generator
 * passed in, so a seeded generator gives the same query.
 */
public final class QueryWriter {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    /** Shorter words are left alone by typos: an edit there makes another word, not a misspelling. */
    private static final int MIN_TYPO_LENGTH = 4;

    private final QueryNoise noise;

    public QueryWriter(QueryNoise noise) {
        this.noise = Objects.requireNonNull(noise, "noise");
    }

    public SimulatedQuery write(Intent intent, RandomGenerator random) {
        List<String> distortions = new ArrayList<>(3);
        String base = intent.text();
        if (!intent.entityText().isEmpty() && random.nextDouble() < noise.artistTitle()) {
            base = intent.entityText();
            distortions.add("artist+title");
        }
        List<String> words = new ArrayList<>(Arrays.asList(base.toLowerCase(Locale.ROOT).trim().split("\\s+")));
        if (words.size() >= 2 && random.nextDouble() < noise.reorder()) {
            int i = random.nextInt(words.size() - 1);
            words.set(i, words.set(i + 1, words.get(i)));
            distortions.add("reordered");
        }
        if (random.nextDouble() < noise.truncate() && truncate(words, random)) {
            distortions.add("truncated");
        }
        if (random.nextDouble() < noise.typo() && typo(words, random, noise.typoHabit())) {
            distortions.add("typo");
        }
        return new SimulatedQuery(String.join(" ", words), distortions);
    }

    /**
     * The query the user meant when they typed {@code typed} for {@code intent}: the same form ("artist title" or
     * the intent's words), without the typo, the cut or the swapped words. A user who retries types this.
     */
    public static SimulatedQuery meant(Intent intent, SimulatedQuery typed) {
        boolean entity = typed.distortions().contains("artist+title") && !intent.entityText().isEmpty();
        String base = entity ? intent.entityText() : intent.text();
        String text = String.join(" ", base.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        return new SimulatedQuery(text, entity ? List.of("artist+title") : List.of());
    }

    /** Drops the last word, or cuts a single long word to a prefix of at least 3 characters (typing stopped). */
    static boolean truncate(List<String> words, RandomGenerator random) {
        if (words.size() >= 3 || (words.size() == 2 && random.nextBoolean())) {
            words.removeLast();
            return true;
        }
        String last = words.getLast();
        if (last.length() >= 5) {
            words.set(words.size() - 1, last.substring(0, 3 + random.nextInt(last.length() - 3 - 1)));
            return true;
        }
        return false;
    }

    /** Edits one character of a random word long enough to stay recognisable. */
    static boolean typo(List<String> words, RandomGenerator random) {
        return typo(words, random, 0);
    }

    /**
     * As {@link #typo(List, RandomGenerator)}; with probability {@code habit} the edit is the word's habitual one,
     * drawn from a generator seeded by the word alone, so every user who slips on that word writes the same form.
     */
    static boolean typo(List<String> words, RandomGenerator round, double habit) {
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).length() >= MIN_TYPO_LENGTH) {
                eligible.add(i);
            }
        }
        if (eligible.isEmpty()) {
            return false;
        }
        int w = eligible.get(round.nextInt(eligible.size()));
        // No extra draw without habits: the traffic of scenarios without typo_habit stays what it was.
        RandomGenerator random = habit > 0 && round.nextDouble() < habit
                ? new SplittableRandom(RandomStreams.key(words.get(w))) : round;
        StringBuilder s = new StringBuilder(words.get(w));
        // The first letter is kept: people rarely mistype it, and query completion depends on it.
        int at = 1 + random.nextInt(s.length() - 1);
        char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
        switch (random.nextInt(4)) {
            case 0 -> s.setCharAt(at, s.charAt(at) == letter ? LETTERS.charAt((LETTERS.indexOf(letter) + 1) % 26) : letter);
            case 1 -> s.deleteCharAt(at);
            case 2 -> s.insert(at, letter);
            default -> {
                int j = at == s.length() - 1 ? at - 1 : at;
                char c = s.charAt(j);
                if (c == s.charAt(j + 1)) {
                    s.deleteCharAt(j);
                } else {
                    s.setCharAt(j, s.charAt(j + 1));
                    s.setCharAt(j + 1, c);
                }
            }
        }
        words.set(w, s.toString());
        return true;
    }
}
