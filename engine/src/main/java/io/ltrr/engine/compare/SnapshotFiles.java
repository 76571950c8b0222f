package io.ltrr.engine.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshot JSON files:
 * <pre>
 * {"description": "…", "config": {"arms": "bm25,dense", "k": "20", …}, "created_at": "2025-…Z",
 *  "queries": [{"query": "taylor swift", "results": [{"item_id": "t-1", "score": 0.83}, …]}, …]}
 * </pre>
 */
public final class SnapshotFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SnapshotFiles() {
    }

    public static void write(Snapshot snapshot, Path file) throws IOException {
        JSON.writeValue(file.toFile(), tree(snapshot));
    }

    /** The snapshot as the JSON text a file holds (the form query-set runs are stored in). */
    public static String toJson(Snapshot snapshot) {
        try {
            return JSON.writeValueAsString(tree(snapshot));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a snapshot as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode tree(Snapshot snapshot) {
        ObjectNode root = JSON.createObjectNode();
        root.put("description", snapshot.description());
        ObjectNode config = root.putObject("config");
        snapshot.config().forEach(config::put);
        root.put("created_at", snapshot.createdAt());
        ArrayNode queries = root.putArray("queries");
        for (Snapshot.QueryResults q : snapshot.queries()) {
            ObjectNode qn = queries.addObject();
            qn.put("query", q.query());
            ArrayNode results = qn.putArray("results");
            q.results().forEach(r -> results.addObject().put("item_id", r.itemId()).put("score", r.score()));
        }
        return root;
    }

    /** @throws IllegalArgumentException when the file is not a snapshot (naming the file and what is missing) */
    public static Snapshot read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /**
     * A snapshot from its JSON text.
     *
     * @param origin what the text is, for messages (a file name, "run 3")
     * @throws IllegalArgumentException when the text is not a snapshot
     */
    public static Snapshot parse(String text, String origin) {
        String file = origin;
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("queries").isArray()) {
            throw new IllegalArgumentException(file + ": not a snapshot (no \"queries\" array)");
        }
        Map<String, String> config = new LinkedHashMap<>();
        root.path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
        List<Snapshot.QueryResults> queries = new ArrayList<>();
        int i = 0;
        for (JsonNode q : root.path("queries")) {
            if (!q.path("query").isTextual() || !q.path("results").isArray()) {
                throw new IllegalArgumentException(file + ": queries[" + i + "] needs a \"query\" text and a \"results\" array");
            }
            List<Snapshot.Result> results = new ArrayList<>();
            for (JsonNode r : q.path("results")) {
                if (!r.path("item_id").isTextual()) {
                    throw new IllegalArgumentException(file + ": queries[" + i + "] has a result without \"item_id\"");
                }
                results.add(new Snapshot.Result(r.path("item_id").asText(), r.path("score").asDouble()));
            }
            queries.add(new Snapshot.QueryResults(q.path("query").asText(), results));
            i++;
        }
        return new Snapshot(root.path("description").asText(""), config, root.path("created_at").asText(""), queries);
    }
}
