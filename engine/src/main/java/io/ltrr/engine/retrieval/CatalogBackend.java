package io.ltrr.engine.retrieval;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.qu.CatalogTagger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the catalog is searched: the role every retrieval backend plays (the embedded Lucene index, an OpenSearch
 * cluster). Everything above the arms — the round engine, the bandit, the rankers, the store, the simulator —
 * holds one of these and never knows which backend it is. A new backend is one package implementing this and its
 * arms. Implementations are thread-safe; close when done.
 *
 * <p>Failures of a remote backend (unreachable, timed out, a missing index) are {@link BackendException}s with a
 * one-line message.
 */
public interface CatalogBackend extends AutoCloseable {
    /** The backend's kind as the {@code --backend} option names it ({@code embedded}, {@code opensearch}). */
    String kind();

    /** Where the catalog is, for people ("the embedded index in …", "OpenSearch index ltrr-catalog at …"). */
    String location();

    /** Items in the catalog. */
    int size();

    /** Whether the catalog has sentence embeddings, so the {@code dense} arm can run. */
    boolean hasVectors();

    /** The query embedder, when the catalog has vectors and one was given. */
    Optional<TextEmbedder> embedder();

    Optional<Item> itemById(String id);

    /** The items of these ids, in the same order; null where an id is unknown. One round trip for all of them. */
    List<Item> items(List<String> ids);

    /** Every item, in a stable order (reads the whole catalog: for building dictionaries). */
    List<Item> allItems();

    IndexStats stats();

    /**
     * Plain BM25 (Lucene's default k1 and b on the embedded index; the index's own parameters on a remote one) of
     * the query text in one field, for the given items only: a ranker feature. 0 where the field does not match
     * or the id is unknown.
     */
    double[] fieldBm25(String field, String text, List<String> ids);

    /**
     * The arms that can run on this catalog: every arm of {@link ArmRegistry#IDS} except {@code dense} without
     * vectors, {@code memory} without a click memory and {@code rewrite} without a rewrite source.
     *
     * @param memory   the click memory, or null (offline evaluation has none)
     * @param rewriter rewrites learned from reformulations, or null
     */
    Map<String, RetrievalStrategy> arms(ArmSettings settings, CatalogTagger tagger, QueryMemory memory,
                                        QueryRewriter rewriter);

    @Override
    void close();
}
