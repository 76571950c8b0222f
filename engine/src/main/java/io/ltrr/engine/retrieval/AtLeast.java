package io.ltrr.engine.retrieval;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

/** Every item whose score reaches the bound, per leaf; null past {@link #LIMIT}. */
final class AtLeast implements CollectorManager<Collector, FixedBitSet[]> {
    /** More candidates than this: the pruned search would save little, null (search the full query). */
    static final int LIMIT = 50_000;

    private final float bound;
    private final FixedBitSet[] byLeaf;
    private int count;

    AtLeast(float bound, int leaves) {
        this.bound = bound;
        this.byLeaf = new FixedBitSet[leaves];
    }

    static FixedBitSet leafSet(FixedBitSet[] byLeaf, LeafReaderContext leaf) {
        if (byLeaf[leaf.ord] == null) {
            byLeaf[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
        }
        return byLeaf[leaf.ord];
    }

    @Override
    public Collector newCollector() {
        return new Collector() {
            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                FixedBitSet set = leafSet(byLeaf, context);
                return new LeafCollector() {
                    private Scorable scorer;

                    @Override
                    public void setScorer(Scorable s) throws IOException {
                        scorer = s;
                        if (bound > 0) {
                            s.setMinCompetitiveScore(bound);
                        }
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        if (scorer.score() >= bound && !set.getAndSet(doc) && ++count > LIMIT) {
                            throw new CollectionTerminatedException(); // too many: the full query after all
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
        return count > LIMIT ? null : byLeaf;
    }
}
