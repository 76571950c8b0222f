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
 * Every item scoring at least the k-th best score minus a spread, per leaf (by leaf ord), in one pass: Lucene skips
 * what scores below the running k-th minus the spread. Null when fewer than k items match, or when more than a
 * limit come near the top (many ties: the caller searches another way). For a searcher without an executor (one
 * collector).
 */
final class NearTop implements CollectorManager<Collector, FixedBitSet[]> {
    private final int k;
    private final double spread;
    private final FixedBitSet[] byLeaf;
    private final int[] maxDocs;
    /** The best k scores so far, a min-heap (its first the k-th best once full). */
    private final float[] best;
    private int inHeap;
    /** Every collected item's leaf, doc and score (what scored at least the running threshold). */
    private int[] leaves = new int[256];
    private int[] docs = new int[256];
    private float[] scores = new float[256];
    private int collected;
    private float threshold = Float.NEGATIVE_INFINITY;

    /**
     * @param k      how many best scores
     * @param spread how far below the k-th an item is still kept (the slack for float rounding is added)
     * @param leaves the searcher's leaves
     */
    NearTop(int k, double spread, List<LeafReaderContext> leaves) {
        this.k = k;
        this.spread = spread;
        this.byLeaf = new FixedBitSet[leaves.size()];
        this.maxDocs = leaves.stream().mapToInt(leaf -> leaf.reader().maxDoc()).toArray();
        this.best = new float[k];
    }

    private float thresholdOf(float kth) {
        return (float) (kth - spread - PopularityFirst.slack(kth, spread));
    }

    /** Adds a score to the best k; true when the k-th best rose. */
    private boolean offer(float score) {
        if (inHeap < k) {
            best[inHeap++] = score;
            if (inHeap == k) {
                Arrays.sort(best); // a sorted array is a min-heap
                return true;
            }
            return false;
        }
        if (score <= best[0]) {
            return false;
        }
        // sift the new score down from the root
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= k) {
                break;
            }
            if (child + 1 < k && best[child + 1] < best[child]) {
                child++;
            }
            if (best[child] >= score) {
                break;
            }
            best[i] = best[child];
            i = child;
        }
        best[i] = score;
        return true;
    }

    private void record(int leaf, int doc, float score) {
        if (collected == docs.length) {
            int grown = collected * 2;
            leaves = Arrays.copyOf(leaves, grown);
            docs = Arrays.copyOf(docs, grown);
            scores = Arrays.copyOf(scores, grown);
        }
        leaves[collected] = leaf;
        docs[collected] = doc;
        scores[collected++] = score;
    }

    @Override
    public Collector newCollector() {
        return new Collector() {
            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                if (collected > AtLeast.LIMIT) {
                    throw new CollectionTerminatedException();
                }
                int ord = context.ord;
                return new LeafCollector() {
                    private Scorable scorer;

                    @Override
                    public void setScorer(Scorable s) throws IOException {
                        scorer = s;
                        if (threshold > 0) {
                            s.setMinCompetitiveScore(threshold);
                        }
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        float score = scorer.score();
                        if (score < threshold) {
                            return;
                        }
                        record(ord, doc, score);
                        if (offer(score)) {
                            float raised = thresholdOf(best[0]);
                            if (raised > threshold) {
                                threshold = raised;
                                if (threshold > 0) {
                                    scorer.setMinCompetitiveScore(threshold);
                                }
                            }
                        }
                        if (collected > AtLeast.LIMIT) {
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
    public FixedBitSet[] reduce(Collection<Collector> collectors) {
        if (collected > AtLeast.LIMIT || inHeap < k) {
            return null;
        }
        float last = thresholdOf(best[0]);
        for (int i = 0; i < collected; i++) {
            if (scores[i] >= last) {
                if (byLeaf[leaves[i]] == null) {
                    byLeaf[leaves[i]] = new FixedBitSet(maxDocs[leaves[i]]);
                }
                byLeaf[leaves[i]].set(docs[i]);
            }
        }
        return byLeaf;
    }

}
