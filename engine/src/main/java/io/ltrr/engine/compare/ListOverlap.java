package io.ltrr.engine.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much two ranked lists of item ids agree. Lists are read best first; a repeated id counts at its first rank.
 */
public final class ListOverlap {
    /** Webber et al.'s customary persistence: the top 10 carry about 86 % of the weight. */
    public static final double DEFAULT_P = 0.9;

    private ListOverlap() {
    }

    /** |A@k ∩ B@k| / |A@k ∪ B@k|; 1 when both are empty. */
    public static double jaccardAt(List<String> a, List<String> b, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        Set<String> top = new HashSet<>(distinct(a).stream().limit(k).toList());
        Set<String> other = new HashSet<>(distinct(b).stream().limit(k).toList());
        Set<String> union = new HashSet<>(top);
        union.addAll(other);
        if (union.isEmpty()) {
            return 1;
        }
        top.retainAll(other);
        return (double) top.size() / union.size();
    }

    /**
     * Extrapolated rank-biased overlap, RBO_ext (Webber, Moffat &amp; Zobel 2010, eq. 32), for lists of possibly
     * different lengths s ≤ l, with X_d the overlap of the top d of both (the shorter list counted whole beyond
     * its end):
     * <pre>
     * RBO_ext = (1−p)/p · [ Σ_{d=1..l} X_d/d · p^d + Σ_{d=s+1..l} X_s (d−s)/(s d) · p^d ]
     *           + [ (X_l − X_s)/l + X_s/s ] · p^l
     * </pre>
     * It assumes the agreement seen so far continues below the lists' ends: identical lists score 1, disjoint 0.
     * Two empty lists score 1, one empty list 0.
     *
     * @param p persistence in (0, 1): the weight of depth d decays as p^(d−1)
     */
    public static double rbo(List<String> a, List<String> b, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), was " + p);
        }
        List<String> x = distinct(a);
        List<String> y = distinct(b);
        List<String> shorter = x.size() <= y.size() ? x : y;
        List<String> longer = x.size() <= y.size() ? y : x;
        int s = shorter.size();
        int l = longer.size();
        if (l == 0) {
            return 1;
        }
        if (s == 0) {
            return 0;
        }
        Set<String> seenShort = new HashSet<>();
        Set<String> seenLong = new HashSet<>();
        int overlap = 0;
        int xs = 0;
        double sum = 0;
        double pd = 1;
        for (int d = 1; d <= l; d++) {
            pd *= p;
            String lo = longer.get(d - 1);
            if (d <= s) {
                String sh = shorter.get(d - 1);
                if (sh.equals(lo)) {
                    overlap++;
                } else {
                    overlap += (seenLong.contains(sh) ? 1 : 0) + (seenShort.contains(lo) ? 1 : 0);
                }
                seenShort.add(sh);
                seenLong.add(lo);
                if (d == s) {
                    xs = overlap;
                }
            } else {
                overlap += seenShort.contains(lo) ? 1 : 0;
                sum += (double) xs * (d - s) / ((double) s * d) * pd;
            }
            sum += (double) overlap / d * pd;
        }
        return (1 - p) / p * sum + ((double) (overlap - xs) / l + (double) xs / s) * pd;
    }

    /** Per item of either list, how its rank moved from list A to list B, in B's order then A's leftovers. */
    public static List<RankChange> rankChanges(List<String> a, List<String> b) {
        Map<String, Integer> rankA = ranks(distinct(a));
        Map<String, Integer> rankB = ranks(distinct(b));
        List<RankChange> out = new ArrayList<>();
        rankB.forEach((item, rb) -> out.add(RankChange.of(item, rankA.get(item), rb)));
        rankA.forEach((item, ra) -> {
            if (!rankB.containsKey(item)) {
                out.add(RankChange.of(item, ra, null));
            }
        });
        return out;
    }

    private static Map<String, Integer> ranks(List<String> list) {
        Map<String, Integer> r = new java.util.LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            r.put(list.get(i), i + 1);
        }
        return r;
    }

    private static List<String> distinct(List<String> list) {
        return List.copyOf(new LinkedHashSet<>(list));
    }

}
