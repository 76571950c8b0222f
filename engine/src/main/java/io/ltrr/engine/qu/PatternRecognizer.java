package io.ltrr.engine.qu;

import io.ltrr.engine.catalog.ItemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based slots that no catalog dictionary holds: decades ("90s", "1990s", "nineties"; "'90s" arrives
 * as "90s" from the normalizer), plain years ("2009") and item type words ("albums", "radio", "band").
 * Rules are exact, so their similarity is 1; the slot type prior alone weighs them.
 */
final class PatternRecognizer {

    private static final Pattern FULL_DECADE = Pattern.compile("(1[89]|20)(\\d)0s");
    private static final Pattern SHORT_DECADE = Pattern.compile("(\\d)0s");
    private static final Pattern YEAR = Pattern.compile("(1[89]|20)\\d\\d");
    /** Two-digit decades up to this one are read as 20xx ("10s" → 2010s), later ones as 19xx. */
    private static final int LAST_SHORT_DECADE_OF_2000S = 2;

    private static final Map<String, Integer> DECADE_WORDS = Map.ofEntries(
            Map.entry("twenties", 1920), Map.entry("thirties", 1930), Map.entry("forties", 1940),
            Map.entry("fifties", 1950), Map.entry("sixties", 1960), Map.entry("seventies", 1970),
            Map.entry("eighties", 1980), Map.entry("nineties", 1990), Map.entry("noughties", 2000),
            Map.entry("aughts", 2000), Map.entry("twentytens", 2010));

    private static final Map<String, ItemType> TYPE_WORDS = Map.ofEntries(
            Map.entry("album", ItemType.ALBUM), Map.entry("albums", ItemType.ALBUM),
            Map.entry("lp", ItemType.ALBUM), Map.entry("ep", ItemType.ALBUM),
            Map.entry("track", ItemType.TRACK), Map.entry("tracks", ItemType.TRACK),
            Map.entry("song", ItemType.TRACK), Map.entry("songs", ItemType.TRACK),
            Map.entry("tune", ItemType.TRACK), Map.entry("tunes", ItemType.TRACK),
            Map.entry("artist", ItemType.ARTIST), Map.entry("artists", ItemType.ARTIST),
            Map.entry("band", ItemType.ARTIST), Map.entry("bands", ItemType.ARTIST),
            Map.entry("musician", ItemType.ARTIST), Map.entry("musicians", ItemType.ARTIST),
            Map.entry("station", ItemType.STATION), Map.entry("stations", ItemType.STATION),
            Map.entry("radio", ItemType.STATION), Map.entry("playlist", ItemType.STATION),
            Map.entry("playlists", ItemType.STATION));

    /** Rule slots for every token position (each rule covers one token). */
    List<SlotCandidate> recognize(List<String> tokens) {
        List<SlotCandidate> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            int decade = decadeStart(t);
            if (decade > 0) {
                out.add(rule(new Slot(SlotType.DECADE, decade + "s", i, i + 1, MatchKind.EXACT, 1.0,
                        decade, decade + 9, null)));
            } else if (YEAR.matcher(t).matches()) {
                int year = Integer.parseInt(t);
                out.add(rule(new Slot(SlotType.YEAR, t, i, i + 1, MatchKind.EXACT, 1.0, year, year, null)));
            }
            ItemType type = TYPE_WORDS.get(t);
            if (type != null) {
                out.add(rule(new Slot(SlotType.TYPE, type.key(), i, i + 1, MatchKind.EXACT, 1.0, 0, 0, type)));
            }
        }
        return out;
    }

    /** Whether a rule reads this token, or it holds digits: such tokens are not typos of catalog words. */
    static boolean isRuleToken(String token) {
        return TYPE_WORDS.containsKey(token) || decadeStart(token) > 0 || token.chars().anyMatch(Character::isDigit);
    }

    /** The first year of the decade a token names, or 0. */
    static int decadeStart(String token) {
        Matcher full = FULL_DECADE.matcher(token);
        if (full.matches()) {
            return Integer.parseInt(full.group(1)) * 100 + Integer.parseInt(full.group(2)) * 10;
        }
        Matcher shortForm = SHORT_DECADE.matcher(token);
        if (shortForm.matches()) {
            int d = Integer.parseInt(shortForm.group(1));
            return (d <= LAST_SHORT_DECADE_OF_2000S ? 2000 : 1900) + d * 10;
        }
        return DECADE_WORDS.getOrDefault(token, 0);
    }

    private static SlotCandidate rule(Slot slot) {
        return new SlotCandidate(slot, LikelihoodModel.slotScore(slot, 1.0), false);
    }
}
