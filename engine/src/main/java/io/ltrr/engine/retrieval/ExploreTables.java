package io.ltrr.engine.retrieval;

import io.ltrr.engine.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The explore arm's per-tag alias tables over one index reader (which never changes: a rebuilt index gets new
 * arms). Every tag ({@code field:key}, a style or genre key) gets its table at once, on the first draw over a large
 * topic, and keeps it for the life of the arm: one pass over the two fields' postings, reading each item's
 * popularity and year (a small catalog whose topics are all scanned never builds them). All at once rather than per
 * tag so that the cost is paid by one search, not by the first search of every tag. Memory: 16 bytes per (item,
 * tag) pair, i.e. 16 × the postings of the style and genre key fields (measured at 1M items in
 * docs/benchmarks.md).
 */
final class ExploreTables {
    /** An item's draw weight from its popularity and year. */
    interface Weight {
        double of(double popularity, int year);
    }

    private final IndexReader reader;
    private final Weight weight;
    private volatile Map<String, TopicSampler.Tag> tables;

    ExploreTables(IndexReader reader, Weight weight) {
        this.reader = reader;
        this.weight = weight;
    }

    /** The topic's postings: the sum of its tags' document frequencies (an item with two tags counts twice). */
    long postings(Collection<String> tags) {
        long sum = 0;
        try {
            for (String tag : tags) {
                sum += reader.docFreq(term(tag));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    /** The tables of the topic's tags that hold an item, in the topic's order. */
    List<TopicSampler.Tag> of(Collection<String> tags) {
        Map<String, TopicSampler.Tag> all = tables();
        List<TopicSampler.Tag> out = new ArrayList<>(tags.size());
        for (String tag : tags) {
            TopicSampler.Tag t = all.get(tag);
            if (t != null && t.docs().length > 0) {
                out.add(t);
            }
        }
        return out;
    }

    /** Bytes the tables hold (0 before they are built). */
    long bytes() {
        Map<String, TopicSampler.Tag> all = tables;
        return all == null ? 0 : all.values().stream().mapToLong(TopicSampler.Tag::bytes).sum();
    }

    private Map<String, TopicSampler.Tag> tables() {
        Map<String, TopicSampler.Tag> all = tables;
        if (all == null) {
            synchronized (this) {
                all = tables;
                if (all == null) {
                    all = buildAll();
                    tables = all;
                }
            }
        }
        return all;
    }

    private Map<String, TopicSampler.Tag> buildAll() {
        Map<String, TopicSampler.Tag> all = new HashMap<>();
        try {
            for (String field : List.of(IndexFields.STYLE_KEY, IndexFields.GENRE_KEY)) {
                Terms terms = MultiTerms.getTerms(reader, field);
                if (terms == null) {
                    continue;
                }
                TermsEnum it = terms.iterator();
                for (BytesRef key = it.next(); key != null; key = it.next()) {
                    String tag = field + ":" + key.utf8ToString();
                    all.put(tag, build(tag));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(all);
    }

    private TopicSampler.Tag build(String tag) {
        Term term = term(tag);
        int n;
        try {
            n = reader.docFreq(term);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] docs = new int[n];
        float[] weights = new float[n];
        int size = 0;
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
                if (postings == null) {
                    continue;
                }
                NumericDocValues pop = DocValues.getNumeric(leaf.reader(), IndexFields.POPULARITY);
                NumericDocValues year = DocValues.getNumeric(leaf.reader(), IndexFields.YEAR);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(doc)) {
                        continue;
                    }
                    double p = pop.advanceExact(doc) ? Double.longBitsToDouble(pop.longValue()) : 0;
                    int y = year.advanceExact(doc) ? (int) year.longValue() : 0;
                    docs[size] = leaf.docBase + doc;
                    weights[size] = (float) weight.of(p, y);
                    size++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size < n) {
            docs = java.util.Arrays.copyOf(docs, size);
            weights = java.util.Arrays.copyOf(weights, size);
        }
        return size == 0 ? new TopicSampler.Tag(docs, weights, null) : TopicSampler.Tag.of(docs, weights);
    }

    private static Term term(String tag) {
        int colon = tag.indexOf(':');
        return new Term(tag.substring(0, colon), tag.substring(colon + 1));
    }
}
