package io.ltrr.engine.qu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds dictionary phrases for spans of query tokens. A span starts at a token that matches a phrase
 * token exactly, within a small edit distance, or (the last token, still being typed) as a prefix; the
 * match then extends token by token along the phrase. Only the phrases holding a candidate start token
 * are visited, never the whole dictionary. Immutable and thread-safe.
 */
final class SpanMatcher {

    /** Longest span looked at, in tokens. */
    static final int MAX_SPAN = 6;
    private static final int SLOT_TYPES = SlotType.values().length;
    /** Best phrases kept per span and slot type. */
    private static final int KEEP_PER_SPAN_AND_TYPE = 3;
    /** Prefix completion starts only at this length: shorter prefixes match almost everything. */
    private static final int MIN_PREFIX_LENGTH = 3;
    /** Words that never make a partial match on their own ("the" is not a clue to "The Beatles"). */
    private static final Set<String> STOPWORDS = Set.of("the", "a", "an", "of", "and", "in", "on", "to", "for",
            "my", "me", "you", "i", "it", "is", "de", "la", "le", "el", "los", "les", "und", "der", "die", "das");

    private final PhraseDictionary dictionary;
    private final boolean passOver;

    SpanMatcher(PhraseDictionary dictionary) {
        this(dictionary, true);
    }

    /**
     * @param passOver false: every phrase occurrence of a start token is followed, none passed over from its
     *                 {@link PhraseDictionary#next} (the slow reference the fast path is tested against)
     */
    SpanMatcher(PhraseDictionary dictionary, boolean passOver) {
        this.dictionary = dictionary;
        this.passOver = passOver;
    }

    /**
     * Candidate slots for all spans of the query.
     *
     * @param tokens        normalized query tokens
     * @param lastTokenOpen whether the last token may be unfinished (the text does not end with a space)
     */
    List<SlotCandidate> match(List<String> tokens, boolean lastTokenOpen) {
        // the kept candidates of each (start, length, slot type), by spanKey
        @SuppressWarnings("unchecked")
        List<SlotCandidate>[] best = new List[spanKey(tokens.size(), 0, SlotType.values()[0])];
        boolean[] stop = new boolean[tokens.size()];
        for (int i = 0; i < stop.length; i++) {
            stop[i] = STOPWORDS.contains(tokens.get(i));
        }
        for (int i = 0; i < tokens.size(); i++) {
            boolean prefixAllowed = lastTokenOpen && i == tokens.size() - 1;
            // An occurrence whose phrase does not end here records a one-token span only as part of an artist, album,
            // genre or style and never from a stopword ("the" is no clue to "The Beatles"); otherwise it matches only
            // if the next query token continues the phrase. Such occurrences are the bulk of a common word's.
            boolean partials = !stop[i];
            Continuation continues = new Continuation(tokens, i + 1, lastTokenOpen && i + 1 == tokens.size() - 1);
            for (TokenVocabulary.Candidate start : startCandidates(tokens.get(i), prefixAllowed)) {
                int[] postings = dictionary.postings(start.tokenId());
                int[] next = dictionary.next(start.tokenId());
                for (int j = 0; j < postings.length; j++) {
                    if (!passOver || continues.mayMatch(next[j], partials)) {
                        extend(tokens, stop, i, start, postings[j], lastTokenOpen, continues, best);
                    }
                }
            }
        }
        List<SlotCandidate> out = new ArrayList<>();
        for (List<SlotCandidate> kept : best) {
            if (kept != null) {
                out.addAll(withoutShadowedPartials(kept));
            }
        }
        out.sort(Comparator.comparingInt((SlotCandidate c) -> c.slot().start())
                .thenComparing(SlotCandidate::score, Comparator.reverseOrder())
                .thenComparing(c -> c.slot().value())
                .thenComparingInt(c -> c.slot().end())
                .thenComparing(c -> c.slot().type()));
        return out;
    }

    private List<TokenVocabulary.Candidate> startCandidates(String token, boolean prefixAllowed) {
        TokenVocabulary vocabulary = dictionary.vocabulary();
        List<TokenVocabulary.Candidate> out = new ArrayList<>();
        int exact = vocabulary.id(token);
        if (exact >= 0) {
            out.add(new TokenVocabulary.Candidate(exact, 1.0, MatchKind.EXACT));
        } else if (!PatternRecognizer.isRuleToken(token)) {
            // A word the catalog knows is taken as typed; only unknown words are read as typos.
            out.addAll(vocabulary.fuzzy(token));
        }
        if (prefixAllowed && token.length() >= MIN_PREFIX_LENGTH && !STOPWORDS.contains(token)) {
            out.addAll(vocabulary.prefix(token));
        }
        return out;
    }

    /** Follows one phrase occurrence from query token {@code i} and records every span it matches. */
    private void extend(List<String> tokens, boolean[] stop, int i, TokenVocabulary.Candidate start, int posting,
                        boolean lastTokenOpen, Continuation continues, List<SlotCandidate>[] best) {
        PhraseDictionary.Phrase phrase = dictionary.phrase(PhraseDictionary.phraseOf(posting));
        int pos = PhraseDictionary.positionOf(posting);
        boolean partialAllowed = phrase.type() != SlotType.TITLE;
        if (pos != 0 && !partialAllowed) {
            return;
        }
        TokenVocabulary vocabulary = dictionary.vocabulary();
        SpanState state = new SpanState(start.kind());
        state.add(start.similarity(), vocabulary.token(start.tokenId()));
        int m = 1;
        while (true) {
            record(stop, i, m, pos, phrase, state, partialAllowed, best);
            int q = i + m;
            if (q >= tokens.size() || m >= MAX_SPAN || pos + m >= phrase.tokenIds().length) {
                return;
            }
            if (passOver && m == 1 && !continues.accepts(phrase.tokenIds()[pos + 1])) {
                return; // as the accept below would (its answer for this phrase token kept)
            }
            String phraseToken = vocabulary.token(phrase.tokenIds()[pos + m]);
            if (!state.accept(tokens.get(q), phraseToken, lastTokenOpen && q == tokens.size() - 1)) {
                return;
            }
            m++;
        }
    }

    private static void record(boolean[] stop, int i, int m, int pos, PhraseDictionary.Phrase phrase,
                               SpanState state, boolean partialAllowed, List<SlotCandidate>[] best) {
        boolean full = pos == 0 && m == phrase.tokenIds().length;
        // A completion guess inside a longer phrase is too weak a clue to keep.
        if (!full && (!partialAllowed || state.prefix || onlyStopwords(stop, i, i + m))) {
            return;
        }
        double similarity = LikelihoodModel.spanSimilarity(state.weightedSimilarity, state.matchedChars, m,
                phrase.tokenIds().length);
        int key = spanKey(i, m, phrase.type());
        List<SlotCandidate> kept = best[key];
        // below every candidate kept for the span: it would be neither kept nor replace one (a common word's phrases
        // are mostly this); the score as LikelihoodModel.slotScore computes it
        if (kept != null && kept.size() == KEEP_PER_SPAN_AND_TYPE
                && similarity * LikelihoodModel.typePrior(phrase.type()) * phrase.prior() < lowestScore(kept)) {
            return;
        }
        MatchKind kind = state.fuzzy ? MatchKind.FUZZY
                : !full ? MatchKind.PARTIAL
                : state.prefix ? MatchKind.PREFIX : MatchKind.EXACT;
        Slot slot = Slot.phrase(phrase.type(), phrase.canonical(), i, i + m, kind, similarity);
        SlotCandidate candidate = new SlotCandidate(slot, LikelihoodModel.slotScore(slot, phrase.prior()), !full);
        if (kept == null) {
            kept = new ArrayList<>(KEEP_PER_SPAN_AND_TYPE);
            best[key] = kept;
        }
        keepBest(kept, candidate);
    }

    private static double lowestScore(List<SlotCandidate> kept) {
        double lowest = Double.POSITIVE_INFINITY;
        for (SlotCandidate c : kept) {
            lowest = Math.min(lowest, c.score());
        }
        return lowest;
    }

    /** Keeps the few best candidates of one span and slot type, one per canonical value. */
    private static void keepBest(List<SlotCandidate> kept, SlotCandidate candidate) {
        for (int k = 0; k < kept.size(); k++) {
            if (kept.get(k).slot().value().equals(candidate.slot().value())) {
                if (better(candidate, kept.get(k))) {
                    kept.set(k, candidate);
                }
                return;
            }
        }
        if (kept.size() < KEEP_PER_SPAN_AND_TYPE) {
            kept.add(candidate);
            return;
        }
        int worst = 0;
        for (int k = 1; k < kept.size(); k++) {
            if (better(kept.get(worst), kept.get(k))) {
                worst = k;
            }
        }
        if (better(candidate, kept.get(worst))) {
            kept.set(worst, candidate);
        }
    }

    /**
     * Drops partial matches when the same span fully matches a phrase of the same slot type: "techno" is
     * the style Techno, not a piece of "Dub Techno".
     */
    private static List<SlotCandidate> withoutShadowedPartials(List<SlotCandidate> kept) {
        if (kept.stream().allMatch(SlotCandidate::partial)) {
            return kept;
        }
        return kept.stream().filter(c -> !c.partial()).toList();
    }

    /** Higher score wins; equal scores fall back to the value so that the result never depends on order. */
    private static boolean better(SlotCandidate a, SlotCandidate b) {
        int c = Double.compare(a.score(), b.score());
        return c > 0 || (c == 0 && a.slot().value().compareTo(b.slot().value()) < 0);
    }

    /** A unique number per (start, length, slot type); lengths are at most {@link #MAX_SPAN}. */
    private static int spanKey(int start, int length, SlotType type) {
        return (start * (MAX_SPAN + 1) + length) * SLOT_TYPES + type.ordinal();
    }

    private static boolean onlyStopwords(boolean[] stop, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!stop[k]) {
                return false;
            }
        }
        return true;
    }

    /** Per thread: the answers of a {@link Continuation}, by phrase token id (0 not asked, 1 no, 2 yes). */
    private static final ThreadLocal<Answers> ANSWERS = ThreadLocal.withInitial(Answers::new);

    private static final class Answers {
        byte[] byToken = new byte[0];
        int[] asked = new int[0];
        int count;

        Answers ready(int vocabularySize) {
            if (byToken.length < vocabularySize) {
                byToken = new byte[vocabularySize];
                asked = new int[vocabularySize];
            }
            for (int k = 0; k < count; k++) {
                byToken[asked[k]] = 0;
            }
            count = 0;
            return this;
        }
    }

    /**
     * Whether a phrase occurrence at query token {@code at − 1} can match anything, from what follows it in the phrase
     * ({@link PhraseDictionary#next}): when the phrase ends there, when a part of it may match (see
     * {@link #record}), or when query token {@code at} continues it as {@link SpanState#accept} would. The answer is
     * kept per phrase token (a common word is followed by the same words many times) until the thread's next
     * continuation is made.
     */
    private final class Continuation {
        private final String queryToken;
        private final int exactId;
        private final boolean prefixAllowed;
        private final Answers answers;
        /** The query token's edits allowed and its characters (as {@link BoundedEditDistance#missingCharacters}). */
        private final int maxEdits;
        private final long characters;

        Continuation(List<String> tokens, int at, boolean prefixAllowed) {
            this.queryToken = at < tokens.size() ? tokens.get(at) : null;
            this.exactId = queryToken == null ? -1 : dictionary.vocabulary().id(queryToken);
            this.prefixAllowed = prefixAllowed;
            this.answers = ANSWERS.get().ready(dictionary.vocabulary().size());
            this.maxEdits = queryToken == null ? 0 : BoundedEditDistance.maxEditsFor(queryToken.length());
            this.characters = queryToken == null ? 0 : BoundedEditDistance.characters(queryToken);
        }

        /**
         * False when {@link SpanState#accept} surely is (another token, too far in length or characters for an
         * edit, no completion): its own first checks, without its allocations.
         */
        private boolean surelyNot(String phraseToken) {
            if (prefixAllowed) {
                return false;
            }
            return maxEdits == 0 || Math.abs(phraseToken.length() - queryToken.length()) > maxEdits
                    || BoundedEditDistance.missingCharacters(characters, BoundedEditDistance.characters(phraseToken))
                    > maxEdits;
        }

        /** @param partials whether the starting token may match part of a phrase on its own (not a stopword) */
        boolean mayMatch(int following, boolean partials) {
            if (following == PhraseDictionary.LAST) {
                return true;
            }
            if (following == PhraseDictionary.INSIDE_TITLE) {
                return false;
            }
            if ((following & PhraseDictionary.PARTIAL) != 0 && partials) {
                return true;
            }
            return queryToken != null && accepts(following & ~PhraseDictionary.PARTIAL);
        }

        /** Whether query token {@code at} continues a phrase whose next token is {@code next}. */
        boolean accepts(int next) {
            if (next == exactId) {
                return true;
            }
            byte known = answers.byToken[next];
            if (known == 0) {
                String phraseToken = dictionary.vocabulary().token(next);
                boolean yes = !surelyNot(phraseToken)
                        && new SpanState(MatchKind.EXACT).accept(queryToken, phraseToken, prefixAllowed);
                known = (byte) (yes ? 2 : 1);
                answers.byToken[next] = known;
                answers.asked[answers.count++] = next;
            }
            return known == 2;
        }
    }

    /** Running totals of a span being extended along a phrase. */
    private static final class SpanState {
        double weightedSimilarity;
        int matchedChars;
        boolean fuzzy;
        boolean prefix;

        SpanState(MatchKind startKind) {
            fuzzy = startKind == MatchKind.FUZZY;
            prefix = startKind == MatchKind.PREFIX;
        }

        void add(double similarity, String phraseToken) {
            weightedSimilarity += similarity * phraseToken.length();
            matchedChars += phraseToken.length();
        }

        /** Matches the next query token against the next phrase token; false ends the span. */
        boolean accept(String queryToken, String phraseToken, boolean prefixAllowed) {
            if (queryToken.equals(phraseToken)) {
                add(1.0, phraseToken);
                return true;
            }
            int max = BoundedEditDistance.maxEditsFor(queryToken.length());
            int d = max == 0 ? 1 : BoundedEditDistance.distance(queryToken, phraseToken, max);
            if (d <= max) {
                fuzzy = true;
                add(TokenVocabulary.fuzzySimilarity(queryToken, phraseToken, d), phraseToken);
                return true;
            }
            if (prefixAllowed && queryToken.length() < phraseToken.length() && phraseToken.startsWith(queryToken)) {
                prefix = true;
                add(TokenVocabulary.prefixSimilarity(queryToken, phraseToken), phraseToken);
                return true;
            }
            return false;
        }
    }
}
