package io.ltrr.engine.export;

import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.store.LogReader;
import io.ltrr.engine.store.h2.H2FeedbackStore;
import io.ltrr.engine.store.Judgment;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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

    private final H2FeedbackStore store;
    private final LogReader log;

    private DataExport(H2FeedbackStore store) {
        this.store = store;
        this.log = store.logReader();
    }

    public static DataExport open(Path dataDir) {
        return new DataExport(H2FeedbackStore.open(dataDir));
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
     * Reads a judgments file and stores its well-formed judgments under {@code source}, replacing what that
     * source had; the problems name the skipped lines.
     */
    public ReadResult<List<Judgment>> importJudgments(Path file, JudgmentFormat format, String source)
            throws IOException {
        ReadResult<List<Judgment>> read = format == JudgmentFormat.TREC
                ? JudgmentFiles.readQrels(file, source) : JudgmentFiles.readCsv(file, source);
        store.judgments().replace(source, read.value());
        return read;
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
