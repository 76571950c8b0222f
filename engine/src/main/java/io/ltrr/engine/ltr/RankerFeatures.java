package io.ltrr.engine.ltr;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.IndexFields;
import io.ltrr.engine.index.Keywords;
import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.qu.QueryType;
import io.ltrr.engine.qu.Slot;
import io.ltrr.engine.qu.SlotType;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.rank.RrfRanker;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.DenseStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The ranker's features as one table: each row a name and how a candidate's value is computed, so a name and
 * its value cannot drift apart by position. The order of the rows is the column order of the feature log.
 */
final class RankerFeatures {
    /** Fields whose BM25 is a feature, in column order. */
    static final List<String> BM25_FIELDS = List.of(IndexFields.TITLE, IndexFields.ARTIST, IndexFields.ALBUM,
            IndexFields.STYLE, IndexFields.ALL);
    /** Years are scaled linearly over this range (before it 0, after it 1): the catalog's span of releases. */
    static final int YEAR_FROM = 1950;
    static final int YEAR_TO = 2030;
    /** Every feature, in column order. Part of the log format: a change makes a new feature set. */
    static final List<Feature> ALL = table();

    /** One named feature. */
    record Feature(String name, ToDoubleFunction<Candidate> value) {
    }

    /**
     * The round-wide figures candidates are scaled by.
     *
     * @param input  the round
     * @param bm25   field → each candidate's BM25 in that field (by row), scaled to the round's maximum
     * @param armMax arm → its largest score in the round
     * @param q2e    item id → its click-memory score for the query
     * @param liked  the user's preferred styles, as keys
     */
    record Round(RankingInput input, Map<String, double[]> bm25, Map<String, Double> armMax,
                 Map<String, Double> q2e, Set<String> liked) {
    }

    /**
     * One candidate of a round.
     *
     * @param row  its position in the round's union
     * @param item the catalog item, or null when the index does not hold it
     */
    record Candidate(Round round, int row, String id, Map<String, ArmHit> hits, Item item) {
        double bm25(String field) {
            return round.bm25().get(field)[row];
        }

        /** 1 when the query is of this type, else 0. */
        double queryIs(QueryType type) {
            return round.input().analysis().type() == type ? 1 : 0;
        }

        double memoryScore() {
            return round.q2e().getOrDefault(id, 0.0);
        }

        double popularity() {
            return item == null ? 0 : item.popularity();
        }

        double slotMatch(SlotType type) {
            return RankerFeatures.slotMatch(round.input(), type, item);
        }

        double profileAffinity() {
            return RankerFeatures.profileAffinity(item, round.liked());
        }
    }

    private RankerFeatures() {
    }

    private static List<Feature> table() {
        List<Feature> f = new ArrayList<>();
        for (String arm : ArmRegistry.IDS) {
            f.add(new Feature("arm." + arm + ".hit", c -> c.hits().get(arm) == null ? 0 : 1));
            f.add(new Feature("arm." + arm + ".rr", c -> {
                ArmHit h = c.hits().get(arm);
                return h == null ? 0 : 1.0 / h.rank();
            }));
            f.add(new Feature("arm." + arm + ".norm", c -> {
                ArmHit h = c.hits().get(arm);
                double max = c.round().armMax().getOrDefault(arm, 0.0);
                return h == null || max <= 0 ? 0 : Math.max(0, h.score()) / max;
            }));
        }
        f.add(new Feature("arms.hits", c -> c.hits().keySet().stream().filter(ArmRegistry.IDS::contains).count()
                / (double) ArmRegistry.IDS.size()));
        f.add(new Feature("rrf", c -> c.hits().values().stream().mapToDouble(h -> 1.0 / (RrfRanker.K0 + h.rank()))
                .sum()));
        for (String field : BM25_FIELDS) {
            f.add(new Feature("bm25." + field, c -> c.bm25(field)));
        }
        f.add(new Feature("dense.sim", c -> {
            ArmHit dense = c.hits().get(DenseStrategy.ID);
            return dense == null ? 0 : dense.score();
        }));
        f.add(new Feature("item.popularity", Candidate::popularity));
        f.add(new Feature("item.freshness", c -> c.item() == null || c.item().year() == 0 ? 0
                : clamp((c.item().year() - YEAR_FROM) / (double) (YEAR_TO - YEAR_FROM))));
        f.add(new Feature("item.year_known", c -> c.item() == null || c.item().year() == 0 ? 0 : 1));
        f.add(new Feature("memory.q2e", Candidate::memoryScore));
        f.add(new Feature("qu.artist_match", c -> c.slotMatch(SlotType.ARTIST)));
        f.add(new Feature("qu.album_match", c -> c.slotMatch(SlotType.ALBUM)));
        f.add(new Feature("qu.title_match", c -> c.slotMatch(SlotType.TITLE)));
        f.add(new Feature("qu.style_match", c -> c.slotMatch(SlotType.STYLE)));
        f.add(new Feature("profile.affinity", Candidate::profileAffinity));
        f.add(new Feature("x.entity.qu_artist_match",
                c -> c.queryIs(QueryType.ENTITY) * c.slotMatch(SlotType.ARTIST)));
        f.add(new Feature("x.entity.bm25_title", c -> c.queryIs(QueryType.ENTITY) * c.bm25(IndexFields.TITLE)));
        f.add(new Feature("x.topical.bm25_style", c -> c.queryIs(QueryType.TOPICAL) * c.bm25(IndexFields.STYLE)));
        f.add(new Feature("x.topical.profile_affinity", c -> c.queryIs(QueryType.TOPICAL) * c.profileAffinity()));
        f.add(new Feature("x.ambiguous.popularity", c -> c.queryIs(QueryType.AMBIGUOUS) * c.popularity()));
        f.add(new Feature("x.ambiguous.memory_q2e", c -> c.queryIs(QueryType.AMBIGUOUS) * c.memoryScore()));
        return List.copyOf(f);
    }

    /**
     * Likelihood mass of the interpretations with a slot of the type whose value is the item's: how sure query
     * understanding is that the query names this item's artist (album, title, style or genre).
     */
    static double slotMatch(RankingInput input, SlotType type, Item item) {
        if (item == null) {
            return 0;
        }
        Set<String> values = switch (type) {
            case ARTIST -> Set.of(Keywords.key(item.artist()));
            case ALBUM -> Set.of(Keywords.key(item.album()));
            case TITLE -> Set.of(Keywords.key(item.title()));
            default -> {
                Set<String> s = keys(item.styles());
                s.addAll(keys(item.genres()));
                yield s;
            }
        };
        double mass = 0;
        for (Interpretation in : input.analysis().interpretations()) {
            for (Slot s : in.slots()) {
                boolean typeMatches = s.type() == type
                        || (type == SlotType.STYLE && s.type() == SlotType.GENRE);
                String key = Keywords.key(s.value());
                if (typeMatches && !key.isEmpty() && values.contains(key)) {
                    mass += in.likelihood();
                    break;
                }
            }
        }
        return clamp(mass);
    }

    /** Share of the user's preferred styles the item has (styles or genres). */
    static double profileAffinity(Item item, Set<String> liked) {
        if (item == null || liked.isEmpty()) {
            return 0;
        }
        Set<String> has = keys(item.styles());
        has.addAll(keys(item.genres()));
        has.retainAll(liked);
        return has.size() / (double) liked.size();
    }

    static Set<String> keys(List<String> values) {
        Set<String> out = new HashSet<>();
        values.forEach(v -> out.add(Keywords.key(v)));
        out.remove("");
        return out;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
