package io.ltrr.engine.ubi;

import io.ltrr.engine.io.LoadProblems;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.store.UbiEvent;
import io.ltrr.engine.store.UbiQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads UBI 1.x query and event files, NDJSON or a JSON array (told apart by the first character; {@code .gz} read
 * decompressed). Every record that cannot be read or stored is skipped and named as a problem by file, line (the
 * line it starts on) and, in an array, its element index; the rest are read.
 */
public final class UbiReader {
    private UbiReader() {
    }

    /**
     * The queries of a file, in file order; a query id given a second time is a problem and the first one counts.
     *
     * @throws io.ltrr.engine.io.MalformedFileException when the file as a whole is not NDJSON or a JSON array
     * @throws java.nio.file.NoSuchFileException       when it does not exist
     */
    public static ReadResult<List<UbiQuery>> queries(Path file) throws IOException {
        List<UbiQuery> out = new ArrayList<>();
        LoadProblems problems = new LoadProblems(file.toString());
        Map<String, Long> seen = new HashMap<>();
        JsonDocuments.read(file, problems, (line, label, doc) -> {
            UbiQuery q;
            try {
                q = UbiRecords.query(doc);
            } catch (IllegalArgumentException e) {
                problems.add(line, label + e.getMessage());
                return;
            }
            Long before = seen.putIfAbsent(q.queryId(), line);
            if (before != null) {
                problems.add(line, label + "query_id '" + q.queryId() + "' was given before (line " + before
                        + "); the first one is kept");
                return;
            }
            out.add(q);
        });
        return new ReadResult<>(out, problems.list());
    }

    /**
     * The events of a file, in file order.
     *
     * @throws io.ltrr.engine.io.MalformedFileException when the file as a whole is not NDJSON or a JSON array
     * @throws java.nio.file.NoSuchFileException       when it does not exist
     */
    public static ReadResult<List<UbiEvent>> events(Path file) throws IOException {
        List<UbiEvent> out = new ArrayList<>();
        LoadProblems problems = new LoadProblems(file.toString());
        JsonDocuments.read(file, problems, (line, label, doc) -> {
            try {
                out.add(UbiRecords.event(doc));
            } catch (IllegalArgumentException e) {
                problems.add(line, label + e.getMessage());
            }
        });
        return new ReadResult<>(out, problems.list());
    }
}
