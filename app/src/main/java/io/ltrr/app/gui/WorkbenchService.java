package io.ltrr.app.gui;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.EarlierJudgment;
import io.ltrr.engine.api.ExplainResult;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.VectorStatus;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.prefs.ProfileUpdate;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.StoreStatus;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the GUI needs from the engine, as one role: ViewModels depend on this so they can be tested with a
 * fake, and the real one is a thin wrapper of the facade. Every method may be slow: call it off the UI thread.
 */
public interface WorkbenchService extends AutoCloseable {
    Path dataDir();

    boolean hasIndex();

    /**
     * Builds the catalog index when it is missing or stale: its lexical part, so searches can start; the vectors
     * follow from {@link #embedVectors} (ADR 0013).
     */
    IndexReport index(ProgressListener progress, CancellationToken cancel);

    /**
     * Embeds what is missing of the catalog's vectors, resuming where an earlier run stopped; the {@code dense} arm
     * is offered from the search after it completes. It does not hold up searches: call it on a worker of its own.
     *
     * @throws java.util.concurrent.CancellationException when cancelled; what was embedded is kept
     */
    default VectorStatus embedVectors(ProgressListener progress, CancellationToken cancel) {
        return VectorStatus.none(catalogSize());
    }

    /** Where the catalog is searched now: the folder's embedded index, or an OpenSearch cluster. */
    BackendChoice backend();

    /**
     * Builds the catalog in {@code choice} (unless it is up to date there), then searches it there and remembers the
     * choice in the data folder. On failure or cancellation the folder stays on its previous backend.
     *
     * @throws IllegalArgumentException for a choice the engine cannot use (a bad URL, index name, password file)
     * @throws IllegalStateException    when the cluster cannot be used (unreachable, timeout, credentials refused, …)
     */
    IndexReport useBackend(BackendChoice choice, ProgressListener progress, CancellationToken cancel);

    /** Where feedback is saved: the data folder's own H2 database, or a PostgreSQL one that workbenches share. */
    StoreChoice store();

    /**
     * Whether the feedback store answers now, and where it is; a lost connection to a shared store is reopened by
     * asking. Never throws for an unreachable server, but may wait seconds for one: call it on a worker of its
     * own, not behind searches (the engine answers it without its lock).
     */
    StoreStatus storeStatus();

    /**
     * Reopens the workbench on the store {@code choice} names (opening it creates or migrates its tables), then
     * remembers the choice in the data folder's {@code store.json}. On failure the workbench stays on its previous
     * store and nothing is remembered.
     *
     * @throws IllegalArgumentException for a choice the engine cannot use (a password file it cannot read)
     * @throws RuntimeException         when the store cannot be opened (server unreachable, login refused, …), one line
     */
    void useStore(StoreChoice choice);

    /** Items in the current index, 0 when there is none. */
    int catalogSize();

    SearchResult search(String query, SearchContext context);

    /**
     * A search whose page interleaves two rankers' rankings by team draft (an online comparison): each shown item is
     * logged with its team, and clicks on it credit its ranker.
     *
     * @throws IllegalArgumentException when a ranker is unknown or cannot rank yet (no trained model)
     */
    default SearchResult search(String query, SearchContext context, RankerPair interleave) {
        throw new UnsupportedOperationException("this workbench cannot interleave rankers");
    }

    /** The running interleaved comparison of two rankers: wins of each, ties, impressions, sign-test p-value. */
    default InterleavingComparison interleaving(RankerPair rankers) {
        throw new UnsupportedOperationException("this workbench keeps no interleaved comparisons");
    }

    FeedbackResult click(String searchId, String itemId);

    /** @param grade 0..3, or null for "can't tell" */
    FeedbackResult rate(String searchId, String itemId, Integer grade, String annotator);

    ExplainResult explain(SearchResult result, String itemId);

    String policyId();

    List<String> policyIds();

    /** Whether annotators' explicit ratings train the live policy (a setting of the data folder, ADR 0009). */
    default boolean ratingsTrain() {
        return false;
    }

    /** Turns training from ratings on or off; remembered in the data folder. */
    default void setRatingsTrain(boolean on) {
        throw new UnsupportedOperationException("this workbench cannot change whether ratings train");
    }

    void switchPolicy(String policyId);

    /** The active ranker of the shown list. */
    String rankerId();

    /** Every ranker id, with the latest saved model version of the trainable ones (0: none yet). */
    Map<String, Long> rankerVersions();

    List<String> rankerIds();

    void switchRanker(String rankerId);

    /** Newest first; {@code kind} null for all kinds, {@code text} null or blank for any text. */
    List<LogEvent> recentEvents(int n, LogEvent.Kind kind, String text);

    /** Earlier ratings (every annotator's) and imported judgments of these items for a normalized query. */
    default List<EarlierJudgment> earlierJudgments(String normalizedQuery, Collection<String> itemIds) {
        return List.of();
    }

    /** Catalog titles by item id ("title — artist" when there is an artist); empty when there is no index. */
    default Map<String, String> titles() {
        return Map.of();
    }

    /** searches, clicks, ratings. */
    Map<String, Long> logCounts();

    /**
     * A user states what they like ("I like jazz, more trip hop, less ambient"): their persisted profile moves,
     * and their next search uses it.
     *
     * @throws IllegalArgumentException when the text names no known style or genre
     */
    ProfileUpdate statePreference(String user, String text);

    /** The off-policy leaderboard's data, when this service is backed by a log (a fake has none). */
    default Optional<OpeLeaderboardViewModel.Source> opeSource() {
        return Optional.empty();
    }

    /** Annotator agreement over the log's ratings, when this service is backed by a log. */
    default Optional<AgreementViewModel.Source> agreementSource() {
        return Optional.empty();
    }

    /** Query sets and comparisons (Analysis ▸ Query sets…, Compare…), when this service is backed by an engine. */
    default Optional<QuerySetSource> querySetSource() {
        return Optional.empty();
    }

    @Override
    void close();
}
