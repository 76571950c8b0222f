package io.ltrr.engine.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Weighted sampling without replacement over the union of a topic's tags, in time independent of their sizes: the
 * explore arm's draw over a large topic (issue 24). Each tag brings its items (document ids, ascending) with their
 * weights and an {@link AliasTable} over them.
 *
 * <p>One draw: a tag with probability ∝ its total weight, an item of it by its alias table, kept with probability
 * 1/m where m is the number of the topic's tags that hold the item. An item's chance is then
 * Σ_{tags t ∋ i} (W_t/W)·(w_i/W_t)·(1/m_i) = w_i/W, the same for every item of the union whatever its tags.
 * Items excluded or already drawn are drawn again: successive sampling, the same distribution of ordered draws as
 * the Efraimidis–Spirakis keys u^(1/w) the linear scan keeps. When {@code maxAttempts} draws did not find k items
 * (a topic nearly used up by the exclusions) the caller falls back to the linear scan.
 */
public final class TopicSampler {
    /**
     * One tag's items.
     *
     * @param docs    document ids, strictly ascending
     * @param weights each document's weight (> 0)
     * @param alias   the alias table over {@code weights}; null for a tag without items
     */
    public record Tag(int[] docs, float[] weights, AliasTable alias) {
        public Tag {
            Objects.requireNonNull(docs, "docs");
            Objects.requireNonNull(weights, "weights");
            int aliasSize = alias == null ? 0 : alias.size();
            if (docs.length != weights.length || docs.length != aliasSize) {
                throw new IllegalArgumentException("docs, weights and alias must have one entry per item, had "
                        + docs.length + ", " + weights.length + " and " + aliasSize);
            }
        }

        /** A tag over its documents (ascending) and their weights. */
        public static Tag of(int[] docs, float[] weights) {
            double[] w = new double[weights.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = weights[i];
            }
            return new Tag(docs, weights, new AliasTable(w));
        }

        boolean holds(int doc) {
            return Arrays.binarySearch(docs, doc) >= 0;
        }

        /** Bytes of its arrays: 16 per item (doc, weight, alias threshold and index). */
        public long bytes() {
            return 16L * docs.length;
        }
    }

    /**
     * One drawn item.
     *
     * @param doc    its document id
     * @param weight its weight
     */
    public record Drawn(int doc, float weight) {
    }

    private TopicSampler() {
    }

    /**
     * Up to k items of the union of {@code tags}, none of {@code exclude}, in the order drawn; null when
     * {@code maxAttempts} draws did not find k (the caller then scans the topic).
     */
    public static List<Drawn> draw(List<Tag> tags, Set<Integer> exclude, int k, RandomGenerator random,
                                   int maxAttempts) {
        double[] cumulative = new double[tags.size()];
        double sum = 0;
        for (int t = 0; t < cumulative.length; t++) {
            sum += tags.get(t).alias().total();
            cumulative[t] = sum;
        }
        List<Drawn> out = new ArrayList<>(k);
        Set<Integer> taken = new HashSet<>();
        for (int attempt = 0; attempt < maxAttempts && out.size() < k; attempt++) {
            int t = pick(cumulative, random.nextDouble() * sum);
            Tag tag = tags.get(t);
            int i = tag.alias().sample(random);
            int doc = tag.docs()[i];
            int holders = 1;
            for (int o = 0; o < tags.size(); o++) {
                if (o != t && tags.get(o).holds(doc)) {
                    holders++;
                }
            }
            if (holders > 1 && random.nextDouble() * holders >= 1) {
                continue;
            }
            if (!exclude.contains(doc) && taken.add(doc)) {
                out.add(new Drawn(doc, tag.weights()[i]));
            }
        }
        return out.size() < k ? null : out;
    }

    private static int pick(double[] cumulative, double u) {
        for (int t = 0; t < cumulative.length - 1; t++) {
            if (u < cumulative[t]) {
                return t;
            }
        }
        return cumulative.length - 1;
    }
}
