package io.ltrr.engine.offline;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.UbiExport;
import io.ltrr.engine.api.UbiImport;
import io.ltrr.engine.api.UbiLogs;
import io.ltrr.engine.backend.Backends;
import io.ltrr.engine.clicks.ClickSession;
import io.ltrr.engine.clicks.ClickSessions;
import io.ltrr.engine.clicks.UbiClickSessions;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.MalformedFileException;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.retrieval.CatalogBackend;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.ImportedLog;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.LoggedClick;
import io.ltrr.engine.store.LoggedRating;
import io.ltrr.engine.store.LoggedRound;
import io.ltrr.engine.store.UbiEvent;
import io.ltrr.engine.store.UbiLog;
import io.ltrr.engine.store.UbiQuery;
import io.ltrr.engine.ubi.UbiReader;
import io.ltrr.engine.ubi.UbiWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * UBI logs of a data folder: imports them into the store (ids matched against the folder's catalog when it is
 * indexed), reads them back as click sessions, and writes the own log as UBI. Store reads and writes happen under
 * the workbench's lock; reading and writing files outside it.
 */
public final class UbiLogService implements UbiLogs {
    /** Ids asked of the catalog in one call. */
    private static final int LOOKUP_BATCH = 1000;
    /** Unmatched ids named in a report. */
    private static final int EXAMPLES = 5;

    private final Object lock;
    private final DataLayout layout;
    private final FeedbackStore store;
    private final Supplier<TextEmbedder> embedder;
    private final Supplier<BackendChoice> backend;

    /** @param lock the monitor the workbench's own calls hold */
    public UbiLogService(Object lock, DataLayout layout, FeedbackStore store, Supplier<TextEmbedder> embedder,
                         Supplier<BackendChoice> backend) {
        this.lock = lock;
        this.layout = layout;
        this.store = store;
        this.embedder = embedder;
        this.backend = backend;
    }

    @Override
    public UbiImport importLog(Path queries, Path events, String source, boolean replace) {
        Judgment.checkSource(source);
        if (!replace) {
            refuseTaken(source);
        }
        ReadResult<List<UbiQuery>> q = readQueries(queries);
        ReadResult<List<UbiEvent>> e = readEvents(events);
        List<LoadProblem> problems = new ArrayList<>(q.problems());
        problems.addAll(e.problems());
        if (q.value().isEmpty()) {
            return new UbiImport(source, false, 0, 0, 0, 0, 0, 0, false, 0, 0, List.of(), Optional.empty(), problems);
        }
        UbiLog log = new UbiLog(q.value(), e.value());
        UbiClickSessions sessions = UbiClickSessions.of(log);
        Matching matching = match(log);
        Optional<ImportedLog> replaced;
        synchronized (lock) {
            replaced = store.importedLogs().storeUbi(source, log, replace);
        }
        return new UbiImport(source, true, log.queries().size(), log.events().size(),
                log.queries().stream().mapToInt(x -> x.hitIds().size()).sum(), sessions.clicks(), sessions.unplaced(),
                eventsOfUnknownQueries(log), matching.done(), matching.hitIds(), matching.objectIds(),
                matching.examples(), replaced, problems);
    }

    private void refuseTaken(String source) {
        Optional<ImportedLog> taken;
        synchronized (lock) {
            taken = store.importedLogs().find(source);
        }
        taken.ifPresent(t -> {
            throw new IllegalArgumentException("source '" + source + "' holds an imported log already ("
                    + t.queries() + " queries, " + t.events() + " events, imported " + t.importedAt()
                    + "); import with --replace to replace it, or name another --source");
        });
    }

    private static ReadResult<List<UbiQuery>> readQueries(Path file) {
        try {
            return UbiReader.queries(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static ReadResult<List<UbiEvent>> readEvents(Path file) {
        try {
            return UbiReader.events(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** A file that cannot be read: a malformed one's message names it already. */
    private static UncheckedIOException unreadable(Path file, IOException e) {
        return new UncheckedIOException(e instanceof MalformedFileException ? e.getMessage()
                : "cannot read " + file + ": " + e.getMessage(), e);
    }

    private static int eventsOfUnknownQueries(UbiLog log) {
        Set<String> ids = new HashSet<>();
        log.queries().forEach(q -> ids.add(q.queryId()));
        return (int) log.events().stream().filter(e -> e.queryId() != null && !ids.contains(e.queryId())).count();
    }

    /** How a log's ids matched the catalog: distinct unknown hit ids and object ids, a few of them by name. */
    private record Matching(boolean done, int hitIds, int objectIds, List<String> examples) {
    }

    private Matching match(UbiLog log) {
        Set<String> hitIds = new LinkedHashSet<>();
        log.queries().forEach(q -> hitIds.addAll(q.hitIds()));
        Set<String> objectIds = new LinkedHashSet<>();
        log.events().stream().map(UbiEvent::objectId).filter(Objects::nonNull).forEach(objectIds::add);
        Set<String> all = new LinkedHashSet<>(hitIds);
        all.addAll(objectIds);
        Optional<Set<String>> known = known(List.copyOf(all));
        if (known.isEmpty()) {
            return new Matching(false, 0, 0, List.of());
        }
        Set<String> k = known.get();
        return new Matching(true, (int) hitIds.stream().filter(id -> !k.contains(id)).count(),
                (int) objectIds.stream().filter(id -> !k.contains(id)).count(),
                all.stream().filter(id -> !k.contains(id)).limit(EXAMPLES).toList());
    }

    /** The ids the folder's catalog has among these; empty when it is not indexed (nothing to match against). */
    private Optional<Set<String>> known(List<String> ids) {
        BackendChoice choice = backend.get();
        if (!Backends.isCurrent(choice, layout)) {
            return Optional.empty();
        }
        Set<String> known = new HashSet<>();
        try (CatalogBackend catalog = Backends.open(choice, layout, embedder)) {
            for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
                List<Item> items = catalog.items(batch);
                for (int i = 0; i < batch.size(); i++) {
                    if (items.get(i) != null) {
                        known.add(batch.get(i));
                    }
                }
            }
        }
        return Optional.of(known);
    }

    @Override
    public UbiExport exportLog(Path queries, Path events) {
        List<LoggedRound> rounds;
        List<LoggedClick> clicks;
        List<LoggedRating> ratings;
        synchronized (lock) {
            rounds = store.logReader().rounds();
            clicks = store.logReader().clicks();
            ratings = store.logReader().ratings();
        }
        try (Writer q = Files.newBufferedWriter(queries, StandardCharsets.UTF_8);
             Writer e = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
            UbiWriter.Written written = UbiWriter.write(rounds, clicks, ratings, q, e);
            return new UbiExport(queries, written.queries(), events, written.events());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the UBI files " + queries + " and " + events + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<ClickSession> clickSessions(String source) {
        Optional<UbiLog> log;
        synchronized (lock) {
            log = store.importedLogs().ubi(source);
        }
        return ClickSessions.fromUbi(log.orElseThrow(() -> new IllegalArgumentException(
                "no UBI log imported as '" + source + "'")));
    }

    @Override
    public List<ImportedLog> imported() {
        synchronized (lock) {
            return store.importedLogs().all();
        }
    }
}
