package io.ltrr.engine.retrieval;

import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/** The items of a set (per leaf, by leaf ord), score 0: a filter. */
final class DocSetQuery extends Query {
    private final String name;
    private final FixedBitSet[] byLeaf;

    DocSetQuery(String name, FixedBitSet[] byLeaf) {
        this.name = name;
        this.byLeaf = byLeaf;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                FixedBitSet set = context.ord < byLeaf.length ? byLeaf[context.ord] : null;
                if (set == null) {
                    return null;
                }
                int cardinality = set.cardinality();
                if (cardinality == 0) {
                    return null;
                }
                return new Weight.DefaultScorerSupplier(
                        new ConstantScoreScorer(score(), scoreMode, new BitSetIterator(set, cardinality)));
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    @Override
    public String toString(String field) {
        return name;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, System.identityHashCode(this));
    }
}
