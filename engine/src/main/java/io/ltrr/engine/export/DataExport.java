package io.ltrr.engine.export;

import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.Judgments;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.LogReader;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.jdbc.PostgresFeedbackStore;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exports and imports of a data folder: opens its feedback store (the folder must not be open in a running
 * workbench) for the {@code ltrr export} and {@code ltrr import} commands.
 */
public final class DataExport implements AutoCloseable {
    /** What can be exported. */
    public enum Kind {
        IMPRESSIONS, CLICKS, RATINGS, VW, QRELS, QUEPID, RUN;

        public static Kind parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown export '" + text
                        + "'; one of impressions, clicks, ratings, vw, qrels, quepid, run", e);
            }
        }
    }

    /** Judgment file formats. */
    public enum JudgmentFormat { TREC, CSV }

    private final FeedbackStore store;
    private final boolean copy;
    private final LogReader log;

    private DataExport(H2FeedbackStore store) {
        this(store, store.isCopy());
    }

    private DataExport(FeedbackStore store, boolean copy) {
        this.store = store;
        this.copy = copy;
        this.log = store.logReader();
    }

    /**
     * Opens the feedback store a data folder's {@link StoreChoice} names: its own H2 database, or a shared
     * PostgreSQL one (the folder locked all the same).
     */
    public static DataExport open(Path dataDir, StoreChoice choice) {
        if (choice.isPostgresql()) {
            return new DataExport(PostgresFeedbackStore.openForFolder(dataDir, choice.url(), choice.user(),
                    choice.password(), FeedbackStoreConfig.defaults()), false);
        }
        return open(dataDir);
    }

    /**
     * As {@link #openForReading(Path)} on the store a {@link StoreChoice} names; a shared PostgreSQL store is read
     * directly, without the folder's lock (other workbenches write it anyway).
     */
    public static DataExport openForReading(Path dataDir, StoreChoice choice) {
        if (choice.isPostgresql()) {
            return new DataExport(PostgresFeedbackStore.open(choice.url(), choice.user(), choice.password(),
                    FeedbackStoreConfig.defaults()), false);
        }
        return openForReading(dataDir);
    }

    public static DataExport open(Path dataDir) {
        return new DataExport(H2FeedbackStore.open(dataDir));
    }

    /**
     * Opens a data folder's log for reading only: a folder in use by another workbench, or read-only, is read
     * from a copy of its database taken now ({@link #readsACopy()}).
     *
     * @throws IllegalStateException when the folder has no feedback log yet
     */
    public static DataExport openForReading(Path dataDir) {
        return new DataExport(H2FeedbackStore.openForReading(dataDir));
    }

    /**
     * Sets a damaged feedback store of a data folder aside (renamed with a ".damaged-TIME" suffix, kept as the
     * backup) so the folder starts an empty log; refused when the store is not damaged. Returns the backup.
     */
    public static Path setAsideDamagedStore(Path dataDir) {
        return H2FeedbackStore.setAsideDamaged(dataDir, Clock.systemUTC());
    }

    /** Whether this reads a copy of a folder that is in use or read-only. */
    public boolean readsACopy() {
        return copy;
    }

    /** The latest events, newest first, optionally of one kind and containing a text. */
    public List<LogEvent> recentEvents(int n, LogEvent.Kind kind, String text) {
        return store.searchLog().recent(n, kind, text);
    }

    /** Counts of the log: searches, clicks, ratings. */
    public Map<String, Long> logCounts() {
        return log.counts();
    }

    /**
     * Writes one export.
     *
     * @param format used by the tabular kinds (impressions, clicks, ratings); the others have their own format
     */
    public void export(Kind kind, ExportFormat format, Writer out) throws IOException {
        switch (kind) {
            case IMPRESSIONS -> LogExport.impressions(log.rounds(), format, out);
            case CLICKS -> LogExport.clicks(log.clicks(), format, out);
            case RATINGS -> LogExport.ratings(log.ratings(), format, out);
            case VW -> VwAdfExport.write(log.rounds(), out);
            case QRELS -> JudgmentFiles.writeQrels(JudgmentFiles.fromRatings(log.ratings()), out);
            case QUEPID -> JudgmentFiles.writeCsv(JudgmentFiles.fromRatings(log.ratings()), out);
            case RUN -> RunExport.write(log.rounds(), out);
        }
    }

    /**
     * Reads a judgments file and stores its well-formed judgments under {@code source} in one transaction: added
     * to what that source has, or instead of it with {@code replace}. A file with no valid line changes nothing.
     * The problems name the skipped lines.
     */
    public JudgmentImport importJudgments(Path file, JudgmentFormat format, String source, boolean replace)
            throws IOException {
        Judgment.checkSource(source);
        ReadResult<List<Judgment>> read = format == JudgmentFormat.TREC
                ? JudgmentFiles.readQrels(file, source) : JudgmentFiles.readCsv(file, source);
        Judgments.ImportCount count = store.judgments().importAll(source, read.value(), replace);
        return new JudgmentImport(read.value().size(), count, read.problems());
    }

    /**
     * What an import did.
     *
     * @param valid    well-formed judgments read from the file
     * @param count    what they did to the source: added, updated, unchanged, removed (with replace)
     * @param problems lines skipped, each with file, line and reason
     */
    public record JudgmentImport(int valid, Judgments.ImportCount count, List<LoadProblem> problems) {
        public JudgmentImport {
            problems = List.copyOf(problems);
        }
    }

    /** Every stored (imported) judgment. */
    public List<Judgment> judgments() {
        return store.judgments().all();
    }

    @Override
    public void close() {
        store.close();
    }
}
