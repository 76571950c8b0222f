package io.ltrr.engine.qu;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entity phrases of a catalog per slot type (artist names, album and track titles, genres, styles),
 * normalized and tokenized, with a posting list per token so that a query token finds the phrases that
 * contain it without scanning them all. Immutable, thread-safe; built with {@link Builder}.
 */
final class PhraseDictionary {

    /** One distinct normalized phrase of one slot type. */
    record Phrase(SlotType type, String canonical, int[] tokenIds, double prior) {
    }

    /** Position bits in a packed posting: phrases have at most {@link QueryNormalizer#MAX_TOKENS} tokens. */
    private static final int POS_BITS = 6;

    /** {@link #next}: the posting is its phrase's last token. */
    static final int LAST = -1;
    /** {@link #next}: the posting lies inside a title, where no match starts (titles match from their start). */
    static final int INSIDE_TITLE = -2;
    /** {@link #next}: set on the next token of a phrase whose type matches in part (every type but titles). */
    static final int PARTIAL = 1 << 30;

    private final TokenVocabulary vocabulary;
    private final Phrase[] phrases;
    private final int[][] postings;
    private final int[][] next;

    private PhraseDictionary(TokenVocabulary vocabulary, Phrase[] phrases, int[][] postings) {
        this.vocabulary = vocabulary;
        this.phrases = phrases;
        this.postings = postings;
        this.next = new int[postings.length][];
        for (int t = 0; t < postings.length; t++) {
            int[] list = postings[t];
            int[] following = new int[list.length];
            for (int j = 0; j < list.length; j++) {
                Phrase phrase = phrases[phraseOf(list[j])];
                int pos = positionOf(list[j]);
                boolean title = phrase.type() == SlotType.TITLE;
                following[j] = title && pos != 0 ? INSIDE_TITLE
                        : pos + 1 == phrase.tokenIds().length ? LAST
                        : phrase.tokenIds()[pos + 1] | (title ? 0 : PARTIAL);
            }
            next[t] = following;
        }
    }

    TokenVocabulary vocabulary() {
        return vocabulary;
    }

    int size() {
        return phrases.length;
    }

    Phrase phrase(int id) {
        return phrases[id];
    }

    /** Packed (phrase id, position) pairs of every phrase containing the token. */
    int[] postings(int tokenId) {
        return postings[tokenId];
    }

    /**
     * Beside {@link #postings(int)}, entry by entry: the token id that follows in the phrase (with {@link #PARTIAL}
     * when the phrase's type matches in part), {@link #LAST} or {@link #INSIDE_TITLE}. A word as common as "the" or
     * "track" has hundreds of thousands of postings in a large catalog; read here, in order, the ones the next query
     * word cannot continue and that cannot match alone are passed over without visiting their phrases.
     */
    int[] next(int tokenId) {
        return next[tokenId];
    }

    static int phraseOf(int posting) {
        return posting >>> POS_BITS;
    }

    static int positionOf(int posting) {
        return posting & ((1 << POS_BITS) - 1);
    }

    /** Collects phrases; the same normalized phrase seen many times becomes one entry with a stronger prior. */
    static final class Builder {
        private final QueryNormalizer normalizer;
        private final Map<SlotType, Map<String, Stats>> bySlot = new EnumMap<>(SlotType.class);
        private final Map<String, List<String>> tokenCache = new HashMap<>();

        Builder(QueryNormalizer normalizer) {
            this.normalizer = normalizer;
        }

        /** Adds one occurrence of {@code original} as a value of {@code type}; blank values are ignored. */
        Builder add(SlotType type, String original, double popularity) {
            if (original == null || original.isBlank()) {
                return this;
            }
            String trimmed = original.strip();
            List<String> tokens = tokenCache.computeIfAbsent(trimmed, normalizer::tokens);
            if (tokens.isEmpty()) {
                return this;
            }
            String key = String.join(" ", tokens);
            bySlot.computeIfAbsent(type, t -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new Stats(tokens))
                    .see(trimmed, popularity);
            return this;
        }

        /**
         * Also lets a multi-word genre or style match when typed as one word ("triphop", "synthpop"): the
         * joined form becomes an alias with the same canonical value.
         */
        private void addJoinedAliases() {
            for (SlotType type : List.of(SlotType.GENRE, SlotType.STYLE)) {
                Map<String, Stats> phrases = bySlot.get(type);
                if (phrases == null) {
                    continue; // a catalog without this slot (an IR collection has no styles)
                }
                Map<String, Stats> aliases = new LinkedHashMap<>();
                phrases.forEach((key, stats) -> {
                    if (stats.tokens.size() > 1) {
                        String joined = String.join("", stats.tokens);
                        if (!phrases.containsKey(joined)) {
                            aliases.putIfAbsent(joined, stats.aliasAs(joined));
                        }
                    }
                });
                phrases.putAll(aliases);
            }
        }

        PhraseDictionary build() {
            addJoinedAliases();
            Map<String, Integer> tokenIds = new LinkedHashMap<>();
            List<Phrase> phrases = new ArrayList<>();
            for (var slotEntry : bySlot.entrySet()) {
                int maxCount = slotEntry.getValue().values().stream().mapToInt(s -> s.count).max().orElse(1);
                for (Stats s : slotEntry.getValue().values()) {
                    int[] ids = s.tokens.stream().mapToInt(t -> tokenIds.computeIfAbsent(t, k -> tokenIds.size())).toArray();
                    phrases.add(new Phrase(slotEntry.getKey(), s.canonical(), ids,
                            LikelihoodModel.phrasePrior(s.maxPopularity, s.count, maxCount)));
                }
            }
            return assemble(new ArrayList<>(tokenIds.keySet()), phrases);
        }

        /** The dictionary of these tokens and phrases (token ids index the tokens): postings and vocabulary. */
        static PhraseDictionary assemble(List<String> tokens, List<Phrase> phrases) {
            List<List<Integer>> lists = new ArrayList<>(tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                lists.add(new ArrayList<>(2));
            }
            for (int p = 0; p < phrases.size(); p++) {
                int[] ids = phrases.get(p).tokenIds();
                for (int pos = 0; pos < ids.length; pos++) {
                    lists.get(ids[pos]).add((p << POS_BITS) | pos);
                }
            }
            int[][] postings = new int[tokens.size()][];
            int[] frequency = new int[tokens.size()];
            for (int t = 0; t < tokens.size(); t++) {
                postings[t] = lists.get(t).stream().mapToInt(Integer::intValue).toArray();
                frequency[t] = (int) lists.get(t).stream().map(PhraseDictionary::phraseOf).distinct().count();
            }
            return new PhraseDictionary(new TokenVocabulary(tokens, frequency), phrases.toArray(Phrase[]::new), postings);
        }
    }

    /** What the builder knows about one normalized phrase: spellings seen, how often, how popular. */
    private static final class Stats {
        private final List<String> tokens;
        private final Map<String, Integer> spellings = new LinkedHashMap<>();
        private int count;
        private double maxPopularity;

        Stats(List<String> tokens) {
            this.tokens = tokens;
        }

        void see(String spelling, double popularity) {
            spellings.merge(spelling, 1, Integer::sum);
            count++;
            maxPopularity = Math.max(maxPopularity, popularity);
        }

        Stats aliasAs(String joined) {
            Stats alias = new Stats(List.of(joined));
            alias.spellings.putAll(spellings);
            alias.count = count;
            alias.maxPopularity = maxPopularity;
            return alias;
        }

        /** The most frequent spelling; the first seen wins ties, so the result is deterministic. */
        String canonical() {
            String best = null;
            int bestCount = 0;
            for (var e : spellings.entrySet()) {
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return best;
        }
    }
}
