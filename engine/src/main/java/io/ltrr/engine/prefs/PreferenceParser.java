package io.ltrr.engine.prefs;

import io.ltrr.engine.qu.QueryNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads stated preferences such as "I like jazz", "more trip hop", "less ambient, but I love dub" or "I don't
 * like noise". Styles and genres are recognised from a dictionary of the catalog's names (longest match
 * first, after the query normalizer, so case, accents and punctuation do not matter). Each clause's polarity
 * comes from the nearest cue before the style; a statement without a cue is read as a liking, since that is what
 * someone naming a style to a music service usually means.
 *
 * <p>Cue strengths: love +0.75, like / enjoy / prefer / into +0.5, more +0.25, less / fewer −0.25,
 * dislike / don't like / not into / no more / hate / stop −0.5 (hate −0.75). Immutable and thread-safe.
 */
public final class PreferenceParser {
    /** Longest style name considered, in tokens. */
    static final int MAX_STYLE_TOKENS = 4;

    private static final Map<List<String>, Double> CUES = cues();

    private final QueryNormalizer normalizer = new QueryNormalizer();
    /** normalized style text → display name. */
    private final Map<String, String> styles = new HashMap<>();

    /** @param styleNames the catalog's style and genre names (duplicates and case variants are fine) */
    public PreferenceParser(Collection<String> styleNames) {
        for (String name : styleNames) {
            String key = normalizer.normalize(name).text();
            if (!key.isEmpty()) {
                // The first spelling wins, so the profile keeps one display name per style.
                styles.putIfAbsent(key, name.trim());
            }
        }
    }

    /** The statements in a text, in the order said; empty when it names no known style. */
    public List<PreferenceStatement> parse(String text) {
        List<String> tokens = normalizer.normalize(text).tokens();
        List<PreferenceStatement> out = new ArrayList<>();
        double polarity = 0.5;
        String cue = "(named)";
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            String style = null;
            for (int n = Math.min(MAX_STYLE_TOKENS, tokens.size() - i); n >= 1 && style == null; n--) {
                style = styles.get(String.join(" ", tokens.subList(i, i + n)));
                matched = style == null ? 0 : n;
            }
            Cue c = cueAt(tokens, i);
            // A style that starts with a cue word ("no wave") is the style, unless the cue is longer.
            if (c != null && c.length > matched) {
                polarity = c.delta;
                cue = c.words;
                i += c.length;
                continue;
            }
            if (style != null) {
                out.add(new PreferenceStatement(style, polarity, cue));
            }
            i += Math.max(1, matched);
        }
        return out;
    }

    /** How many style names the parser knows. */
    public int knownStyles() {
        return styles.size();
    }

    /** A few known style names, alphabetically, for messages. */
    public List<String> examples(int n) {
        return new TreeMap<>(styles).values().stream().limit(n).toList();
    }

    private record Cue(double delta, String words, int length) {
    }

    private static Cue cueAt(List<String> tokens, int i) {
        // Longest cue first, so "dont like" beats "like".
        for (int n = 3; n >= 1; n--) {
            if (i + n <= tokens.size()) {
                List<String> words = tokens.subList(i, i + n);
                Double d = CUES.get(words);
                if (d != null) {
                    return new Cue(d, String.join(" ", words), n);
                }
            }
        }
        return null;
    }

    private static Map<List<String>, Double> cues() {
        Map<List<String>, Double> m = new HashMap<>();
        put(m, 0.75, "love", "adore");
        put(m, 0.5, "like", "likes", "enjoy", "prefer", "into", "want");
        put(m, 0.25, "more", "more of", "some more");
        put(m, -0.25, "less", "fewer", "less of");
        put(m, -0.5, "dislike", "dont like", "do not like", "not into", "no more", "stop", "dont want",
                "do not want", "no", "not");
        put(m, -0.75, "hate", "cant stand", "cannot stand");
        return Map.copyOf(m);
    }

    private static void put(Map<List<String>, Double> m, double delta, String... phrases) {
        for (String p : phrases) {
            m.put(Arrays.asList(p.split(" ")), delta);
        }
    }
}
