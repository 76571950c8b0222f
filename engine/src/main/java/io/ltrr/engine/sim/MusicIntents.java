package io.ltrr.engine.sim;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.catalog.ItemType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Intents drawn from a music catalog, with graded relevance:
 * <ul>
 *   <li>spearfishing: a track, album or artist (by popularity); the target is grade 3, an item of the same title
 *       and artist grade 2, the track's album, the album's tracks or the artist's releases grade 1;</li>
 *   <li>topical: a style (from the user's profile more often than not), sometimes with a decade ("90s ambient");
 *       the style's station is grade 3, its 100 most popular items grade 1 to 3 by popularity;</li>
 *   <li>ambiguous: a common title word of one of the user's styles ("love", "night"); items whose title has the
 *       word and whose styles meet the user's profile are relevant (grade 2, 3 when popular), the other items with
 *       that word are not.</li>
 * </ul>
 * The lookup tables are built once; relevance of topical and ambiguous intents is cached per key.
 */
public final class MusicIntents implements IntentSource {
    /** Items judged per topical intent: users of a style mean its well-known items. */
    static final int TOPICAL_DEPTH = 100;
    private static final double PROFILE_TOPIC = 0.7;
    private static final double DECADE_SHARE = 0.3;

    private final List<Item> targets = new ArrayList<>();
    private final double[] cumulative;
    private final Map<String, List<Item>> byArtist = new HashMap<>();
    private final StyleTable styles;
    private final TitleWords words;
    private final StyleIndex byStyle;
    // Shared by the worlds of one catalog simulation, which a leaderboard plays on several threads at once: a
    // memo of pure functions of its key, so any thread may fill it and every thread reads the same grades.
    private final Map<String, Map<String, Integer>> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public MusicIntents(List<Item> items, StyleTable styles) {
        this(items, styles, 0);
    }

    /**
     * @param head spearfishing targets come from this many most popular tracks, albums and artists (ties by id);
     *             0 = all of them
     */
    public MusicIntents(List<Item> items, StyleTable styles, int head) {
        this.styles = styles;
        java.util.Set<String> inHead = head > 0 ? head(items, head) : null;
        double total = 0;
        List<Double> weights = new ArrayList<>();
        for (Item item : items) {
            if (isTarget(item) && (inHead == null || inHead.contains(item.id()))) {
                targets.add(item);
                // A little weight for the unpopular: people look for the obscure too.
                total += 0.1 + item.popularity();
                weights.add(total);
            }
            if (!item.artist().isEmpty() || item.type() == ItemType.ARTIST) {
                byArtist.computeIfAbsent(artistKey(item), k -> new ArrayList<>()).add(item);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("the catalog has no track, album or artist to search for");
        }
        this.cumulative = new double[weights.size()];
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] = weights.get(i) / total;
        }
        this.byStyle = new StyleIndex(items, styles.styles());
        this.words = new TitleWords(items, styles.styles());
    }

    private static boolean isTarget(Item item) {
        return item.type() == ItemType.TRACK || item.type() == ItemType.ALBUM || item.type() == ItemType.ARTIST;
    }

    /** The ids of the n most popular targets. */
    private static java.util.Set<String> head(List<Item> items, int n) {
        return items.stream().filter(MusicIntents::isTarget)
                .sorted(java.util.Comparator.comparingDouble(Item::popularity).reversed().thenComparing(Item::id))
                .limit(n).map(Item::id).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Intent draw(IntentKind requested, SimulatedUser user, RandomGenerator random) {
        return switch (requested) {
            case AMBIGUOUS -> ambiguous(user, random);
            case TOPICAL -> topical(user, random);
            default -> spearfishing(random);
        };
    }

    Intent spearfishing(RandomGenerator random) {
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        Item target = targets.get(Math.min(i >= 0 ? i + 1 : -i - 1, targets.size() - 1));
        Map<String, Integer> grades = new LinkedHashMap<>();
        grades.put(target.id(), 3);
        String title = target.title();
        for (Item other : byArtist.getOrDefault(artistKey(target), List.of())) {
            if (other.id().equals(target.id())) {
                continue;
            }
            boolean sameTitle = other.title().equalsIgnoreCase(title) && other.type() == target.type();
            boolean related = switch (target.type()) {
                case TRACK -> other.type() == ItemType.ALBUM && other.title().equalsIgnoreCase(target.album())
                        || other.type() == ItemType.ARTIST;
                case ALBUM -> other.type() == ItemType.TRACK && other.album().equalsIgnoreCase(target.title());
                default -> other.type() == ItemType.ALBUM;
            };
            if (sameTitle) {
                grades.put(other.id(), 2);
            } else if (related) {
                grades.putIfAbsent(other.id(), 1);
            }
        }
        String entity = target.type() == ItemType.ARTIST || target.artist().isBlank() ? ""
                : target.artist() + " " + target.title();
        return new Intent(IntentKind.SPEARFISHING, "spearfishing:" + target.id(), title, entity, grades);
    }

    Intent topical(SimulatedUser user, RandomGenerator random) {
        String style = !user.profile().isEmpty() && random.nextDouble() < PROFILE_TOPIC
                ? user.profile().get(random.nextInt(user.profile().size())) : styles.draw(random);
        int decade = random.nextDouble() < DECADE_SHARE ? byStyle.decadeOf(style, random) : 0;
        String text = (decade > 0 ? decadeWord(decade) + " " : "") + style.toLowerCase(Locale.ROOT);
        Map<String, Integer> grades = cache.computeIfAbsent("t|" + style + "|" + decade,
                k -> byStyle.topical(style, decade, TOPICAL_DEPTH));
        return new Intent(IntentKind.TOPICAL, "topical:" + text, text, "", grades);
    }

    Intent ambiguous(SimulatedUser user, RandomGenerator random) {
        List<String> profile = user.profile();
        int start = random.nextInt(Math.max(1, profile.size()));
        for (int j = 0; j < profile.size(); j++) {
            List<String> common = words.commonWords(profile.get((start + j) % profile.size()));
            if (!common.isEmpty()) {
                String word = common.get(random.nextInt(common.size()));
                Map<String, Integer> grades = cache.computeIfAbsent("a|" + word + "|" + String.join("|", profile),
                        k -> words.relevant(word, profile));
                return new Intent(IntentKind.AMBIGUOUS, "ambiguous:" + word, word, "", grades);
            }
        }
        // No common word in the user's styles: the user browses the style instead.
        return topical(user, random);
    }

    static String decadeWord(int decade) {
        return decade >= 2000 ? decade + "s" : (decade % 100) + "s";
    }

    private static String artistKey(Item item) {
        return (item.type() == ItemType.ARTIST ? item.title() : item.artist()).toLowerCase(Locale.ROOT);
    }
}
