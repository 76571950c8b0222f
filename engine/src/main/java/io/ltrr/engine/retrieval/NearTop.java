package io.ltrr.engine.retrieval;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

/**
 * The k best items by a query's score plus a known bonus of each item (the popularity bonus Lucene would add), and
 * every item within float rounding of the k-th, in one pass of the query: Lucene skips what cannot reach the running
 * k-th even with the largest bonus the search's items can have ({@link #ceiling}). Null when fewer than k items match, or when more than {@link #LIMIT} come
 * near the top (many ties: the caller searches another way). For a searcher without an executor (one collector).
 *
 * <p>It can go on over several searches of disjoint sets of items (the popular band, then the rest with a smaller
 * {@link #ceiling}), and take items already scored ({@link #seed}); each search's result covers all of them.
 */
final class NearTop implements CollectorManager<Collector, NearTop.Result> {
    /** More items near the top than this: pruning would save little, null (the caller searches the full query). */
    static final int LIMIT = 50_000;

    /** An item's bonus, by leaf ord and the leaf's doc id. */
    interface Bonus {
        double of(int leaf, int doc);
    }

    /**
     * @param items per leaf (by ord), the items whose score plus bonus is within twice {@link #slack} of the k-th
     * @param kth   the k-th best score plus bonus
     */
    record Result(FixedBitSet[] items, double kth) {
    }

    private final int k;
    private final Bonus bonus;
    private final double highest;
    /** The largest bonus of an item the next search can find. */
    private double ceiling;
    private final int[] maxDocs;
    /** The best k sums so far, a min-heap (its first the k-th best once full). */
    private final double[] best;
    private int inHeap;
    /** Every collected item's leaf, doc and sum (what reached the running threshold). */
    private int[] leaves = new int[256];
    private int[] docs = new int[256];
    private double[] sums = new double[256];
    private int collected;
    private double threshold = Double.NEGATIVE_INFINITY;

    /**
     * @param k       how many best
     * @param bonus   each item's bonus
     * @param highest the largest bonus of an item
     * @param leaves  the searcher's leaves
     */
    NearTop(int k, Bonus bonus, double highest, List<LeafReaderContext> leaves) {
        this.k = k;
        this.bonus = bonus;
        this.highest = highest;
        this.ceiling = highest;
        this.maxDocs = leaves.stream().mapToInt(leaf -> leaf.reader().maxDoc()).toArray();
        this.best = new double[k];
    }

    /** Far above the float rounding between a sum here and Lucene's score of the full query, near this k-th. */
    double slack(double kth) {
        return PopularityFirst.slack(kth, highest);
    }

    private double thresholdOf(double kth) {
        return kth - 2 * slack(kth);
    }

    /**
     * The largest bonus of the items the next search finds (at most the largest bonus of all items, which the
     * rounding margin keeps): the score an item needs there is the running threshold less this.
     */
    void ceiling(double bonus) {
        if (!(bonus <= highest)) {
            throw new IllegalArgumentException("ceiling above the largest bonus " + highest + ": " + bonus);
        }
        ceiling = bonus;
    }

    /** An item already scored elsewhere (its sum, e.g. Lucene's score of the full query), counted as collected. */
    void seed(int leaf, int doc, double sum) {
        add(leaf, doc, sum);
    }

    /** The score the next search's items need to come near the top (their score without bonus). */
    double competitiveScore() {
        return threshold - ceiling;
    }

    /** Counts an item's sum; true when the running threshold rose. */
    private boolean add(int leaf, int doc, double sum) {
        if (sum < threshold) {
            return false;
        }
        record(leaf, doc, sum);
        if (offer(sum) && thresholdOf(best[0]) > threshold) {
            threshold = thresholdOf(best[0]);
            return true;
        }
        return false;
    }

    /** Adds a sum to the best k; true when the k-th best rose. */
    private boolean offer(double sum) {
        if (inHeap < k) {
            best[inHeap++] = sum;
            if (inHeap == k) {
                Arrays.sort(best); // a sorted array is a min-heap
                return true;
            }
            return false;
        }
        if (sum <= best[0]) {
            return false;
        }
        int i = 0; // sift the new sum down from the root
        while (true) {
            int child = 2 * i + 1;
            if (child >= k) {
                break;
            }
            if (child + 1 < k && best[child + 1] < best[child]) {
                child++;
            }
            if (best[child] >= sum) {
                break;
            }
            best[i] = best[child];
            i = child;
        }
        best[i] = sum;
        return true;
    }

    private void record(int leaf, int doc, double sum) {
        if (collected == docs.length) {
            int grown = collected * 2;
            leaves = Arrays.copyOf(leaves, grown);
            docs = Arrays.copyOf(docs, grown);
            sums = Arrays.copyOf(sums, grown);
        }
        leaves[collected] = leaf;
        docs[collected] = doc;
        sums[collected++] = sum;
    }

    /** The score an item needs to reach the threshold with the ceiling's bonus (rounded down, never above). */
    private float competitive() {
        return Math.nextDown((float) competitiveScore());
    }

    @Override
    public Collector newCollector() {
        return new Collector() {
            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                if (collected > LIMIT) {
                    throw new CollectionTerminatedException();
                }
                int ord = context.ord;
                return new LeafCollector() {
                    private Scorable scorer;

                    @Override
                    public void setScorer(Scorable s) throws IOException {
                        scorer = s;
                        if (competitive() > 0) {
                            s.setMinCompetitiveScore(competitive());
                        }
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        if (add(ord, doc, scorer.score() + bonus.of(ord, doc)) && competitive() > 0) {
                            scorer.setMinCompetitiveScore(competitive());
                        }
                        if (collected > LIMIT) {
                            throw new CollectionTerminatedException(); // too many near the top
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.TOP_SCORES;
            }
        };
    }

    @Override
    public Result reduce(Collection<Collector> collectors) {
        if (collected > LIMIT || inHeap < k) {
            return null;
        }
        double last = thresholdOf(best[0]);
        FixedBitSet[] byLeaf = new FixedBitSet[maxDocs.length]; // near the top of all searches so far
        for (int i = 0; i < collected; i++) {
            if (sums[i] >= last) {
                if (byLeaf[leaves[i]] == null) {
                    byLeaf[leaves[i]] = new FixedBitSet(maxDocs[leaves[i]]);
                }
                byLeaf[leaves[i]].set(docs[i]);
            }
        }
        return new Result(byLeaf, best[0]);
    }
}
