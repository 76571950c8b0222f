package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the JSON keys of every {@code --json} command: scripts read them, so they are an interface. Every
 * subcommand variant runs in-process on a data folder indexed from the sample catalog (no embeddings, small
 * rounds), {@code store migrate} last, into a database of the engine's PostgreSQL test server; the key paths of
 * each document, in document order and with their JSON types, are compared with {@code cli-json-keys.txt}. After an intended change of keys, regenerate the file with
 * {@code -Dltrr.pin.write=true} and say why in the commit.
 *
 * <p>Paths: {@code a.b} a key inside an object, {@code a[]} the elements of an array, {@code a.*} the keys of a map
 * keyed by data (arm, feature, style or type names), which are not part of the interface.
 */
class CliJsonKeysTest {
    static final String PIN = "cli-json-keys.txt";
    static final Path PIN_SOURCE = Path.of("src/test/resources/io/ltrr/app/cli", PIN);

    /**
     * Maps whose keys are data (arms, features, styles, item types, the store's tables), not names scripts depend
     * on.
     */
    static final Set<String> DATA_KEYED = Set.of("arm_share", "window_arm_share", "reward_rate_per_arm",
            "leaderboard[].final_arm_share", "features", "analysis.features", "results[].provenance",
            "items_by_type", "rewards", "profile", "model_versions", "arms", "tables",
            "warm.seeds_answered_by_query", "cold.seeds_answered_by_query");
    /** Objects built with {@code Map.of}, whose key order differed from run to run: their keys are compared sorted. */
    static final Set<String> UNORDERED = Set.of("results[].provenance.*", "problems[]");

    @TempDir
    Path dir;

    private final Map<String, List<String>> documents = new LinkedHashMap<>();

    @Test
    void everyCommandsJsonKeysStayTheSame() throws IOException, SQLException {
        runEveryVariant();
        String actual = render(documents);
        if (Boolean.getBoolean("ltrr.pin.write")) {
            Files.writeString(PIN_SOURCE, actual, StandardCharsets.UTF_8);
            return;
        }
        Map<String, List<String>> expected = parse(readPin());
        List<String> problems = new ArrayList<>();
        for (String variant : union(expected.keySet(), documents.keySet())) {
            List<String> want = expected.getOrDefault(variant, List.of());
            List<String> got = documents.getOrDefault(variant, List.of());
            if (!want.equals(got)) {
                problems.add(describe(variant, want, got));
            }
        }
        if (!problems.isEmpty()) {
            fail("CLI JSON keys changed (scripts depend on them; regenerate " + PIN
                    + " with -Dltrr.pin.write=true only for an intended change):\n" + String.join("\n", problems));
        }
    }

    private void runEveryVariant() throws IOException, SQLException {
        Path data = dir.resolve("data");
        String d = data.toString();
        record("index", 0, "index", "--data", d, "--no-embeddings", "--json");

        JsonNode round = record("search", 0, "search", "love song", "--data", d, "--time", "2026-11-20T12:00",
                "--user", "alice", "--profile", "Trip Hop,Ambient", "--shown", "5", "--json");
        record("search --arm", 0, "search", "love song", "--data", d, "--arm", "bm25", "--arm", "structured",
                "--k", "3", "--json");
        List<String[]> shown = new ArrayList<>();
        for (String q : List.of("love song", "orange", "night drive")) {
            JsonNode r = CliRun.of("search", q, "--data", d, "--time", "2026-11-20T12:00", "--shown", "5", "--json")
                    .json();
            for (JsonNode result : r.get("results")) {
                shown.add(new String[] {r.get("search_id").asText(), result.get("item_id").asText(), q});
            }
        }
        String searchId = round.get("search_id").asText();
        String itemId = round.get("results").get(0).get("item_id").asText();
        record("feedback click", 0, "feedback", "click", searchId, itemId, "--data", d, "--json");
        record("feedback rate", 0, "feedback", "rate", searchId, itemId, "2", "--annotator", "alice", "--data", d,
                "--json");
        record("feedback rate x", 0, "feedback", "rate", searchId, itemId, "x", "--annotator", "carol", "--data", d,
                "--json");
        for (int i = 0; i < Math.min(8, shown.size()); i++) {
            String[] s = shown.get(i);
            CliRun.of("feedback", "rate", s[0], s[1], Integer.toString(i % 4), "--annotator", "alice", "--data", d);
            CliRun.of("feedback", "rate", s[0], s[1], Integer.toString((i / 2) % 4), "--annotator", "bob", "--data", d);
        }
        record("log", 0, "log", "--data", d, "--json");
        record("log --kind click", 0, "log", "--data", d, "--kind", "click", "--last", "5", "--json");

        record("policy", 0, "policy", "--data", d, "--json");
        record("policy use", 0, "policy", "use", "linucb", "--data", d, "--json");
        record("policy reset", 0, "policy", "reset", "--data", d, "--json");
        record("policy reset --cold", 0, "policy", "reset", "--cold", "--data", d, "--json");
        CliRun.of("policy", "reset", "--data", d);
        record("prior learn", 0, "prior", "learn", "--rounds", "30", "--out", dir.resolve("priors").toString(),
                "--data", d, "--json");
        Path demo = dir.resolve("demo-queries.tsv");
        Files.writeString(demo, "query\tkind\twanted\nlove song\ttitle\tartist:none\n", StandardCharsets.UTF_8);
        record("prior measure", 0, "prior", "measure", "--queries", demo.toString(), "--seeds", "1", "--data", d,
                "--json");
        CliRun.of("policy", "use", "thompson", "--data", d);

        record("prefs", 0, "prefs", "alice", "I like jazz, less ambient", "--data", d, "--json");
        record("prefs --show", 0, "prefs", "alice", "--show", "--data", d, "--json");

        Path judgments = dir.resolve("editors.csv");
        StringBuilder csv = new StringBuilder("query,docid,rating\n");
        for (int i = 0; i < Math.min(10, shown.size()); i++) {
            csv.append(shown.get(i)[2]).append(',').append(shown.get(i)[1]).append(',').append(3 - i % 4).append('\n');
        }
        csv.append("broken line without columns\n");
        Files.writeString(judgments, csv);
        record("import judgments", 1, "import", "judgments", judgments.toString(), "--data", d, "--json");

        record("ranker", 0, "ranker", "--data", d, "--json");
        record("ranker train", 0, "ranker", "train", "pairwise", "--judgments", "editors.csv", "--data", d, "--json");
        record("ranker use", 0, "ranker", "use", "rrf", "--data", d, "--json");

        JsonNode interleaved = record("search --interleave", 0, "search", "love song", "--data", d, "--interleave",
                "rrf,pairwise", "--time", "2026-11-20T12:00", "--shown", "5", "--json");
        CliRun.of("feedback", "click", interleaved.get("search_id").asText(),
                interleaved.get("results").get(0).get("item_id").asText(), "--data", d);
        record("interleave status", 0, "interleave", "status", "--data", d, "--json");

        record("features export", 0, "features", "export", "--out", dir.resolve("features.txt").toString(),
                "--data", d, "--json");
        record("export", 0, "export", "impressions", "--out", dir.resolve("impressions.csv").toString(),
                "--data", d, "--json");
        record("export jsonl", 0, "export", "ratings", "--format", "jsonl", "--out",
                dir.resolve("ratings.jsonl").toString(), "--data", d, "--json");
        Path ubi = dir.resolve("ubi");
        record("export ubi", 0, "export", "ubi", "--out", ubi.toString(), "--data", d, "--json");
        Path ubiEvents = dir.resolve("ubi-events.ndjson");
        Files.writeString(ubiEvents, Files.readString(ubi.resolve("ubi_events.ndjson"))
                + "{\"action_name\":\"click\",\"query_id\":\"elsewhere\","
                + "\"timestamp\":\"2026-11-20T12:00:00Z\","
                + "\"event_attributes\":{\"object\":{\"object_id\":\"not-in-the-catalog\"}}}\n"
                + "{\"action_name\":\"click\"}\n");
        record("import ubi", 1, "import", "ubi", "--queries", ubi.resolve("ubi_queries.ndjson").toString(),
                "--events", ubiEvents.toString(), "--data", d, "--json");

        record("eval --judgments", 0, "eval", "--judgments", "editors.csv", "--arm", "bm25", "--arm", "structured",
                "--data", d, "--json");
        record("eval --collection", 0, "eval", "--collection", tinyBeir().toString(), "--arm", "bm25", "--metric",
                "ndcg@5", "--metric", "recall@10", "--run", dir.resolve("bm25.run").toString(), "--data",
                dir.resolve("beir-data").toString(), "--json");

        record("ope", 0, "ope", "--policy", "uniform", "--policy", "arm:bm25", "--bootstrap", "50", "--data", d,
                "--json");
        record("ope --mode frozen", 0, "ope", "--policy", "thompson", "--mode", "frozen", "--bootstrap", "50",
                "--data", d, "--json");
        Path banditLog = dir.resolve("bandit-log.csv");
        Files.writeString(banditLog, "x,action,reward,propensity\n0.1,a,1,0.5\n0.2,b,0,0.5\nbroken\n");
        record("ope --log", 1, "ope", "--log", banditLog.toString(), "--format", "csv", "--target", "uniform",
                "--target", "action:a", "--bootstrap", "20", "--json");

        Path queries = dir.resolve("queries.txt");
        Files.writeString(queries, "love song\norange\nnight drive\n");
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        record("snapshot save", 0, "snapshot", "save", "--queries", queries.toString(), "--out", a.toString(),
                "--arm", "bm25", "--k", "5", "--data", d, "--json");
        record("snapshot save --ranker", 0, "snapshot", "save", "--queries", queries.toString(), "--out",
                b.toString(), "--ranker", "pairwise", "--k", "5", "--label", "learned", "--data", d, "--json");
        record("snapshot diff", 0, "snapshot", "diff", a.toString(), b.toString(), "--data", d, "--json");

        record("agreement", 0, "agreement", "--data", d, "--json");
        record("agreement --annotators", 0, "agreement", "--annotators", "alice,bob", "--data", d, "--json");

        record("queryset create", 0, "queryset", "create", "qs", "--query", "love song", "--query", "orange",
                "--data", d, "--json");
        Path setFile = dir.resolve("set.txt");
        Files.writeString(setFile, "love song\nnight drive\nlove song\n");
        record("queryset create --file", 1, "queryset", "create", "qs-file", "--file", setFile.toString(), "--data",
                d, "--json");
        record("queryset create --sample", 0, "queryset", "create", "qs-sample", "--sample", "2", "--strategy",
                "proportional", "--seed", "3", "--data", d, "--json");
        record("queryset list", 0, "queryset", "list", "--data", d, "--json");
        record("queryset show", 0, "queryset", "show", "qs", "--data", d, "--json");
        JsonNode setRun = record("queryset run", 0, "queryset", "run", "qs", "--data", d, "--json");
        record("queryset history", 0, "queryset", "history", "qs", "--data", d, "--json");
        record("queryset export", 0, "queryset", "export", "qs", "--format", "trec-run", "--out",
                dir.resolve("qs.run").toString(), "--data", d, "--json");
        record("queryset compare", 0, "queryset", "compare", "qs", "--a", "arms=bm25", "--b",
                "run=" + setRun.get("run_id").asText(), "--data", d, "--json");
        record("queryset compare --query", 0, "queryset", "compare", "--query", "love song", "--a", "current", "--b",
                "arms=bm25;ranker=pairwise", "--data", d, "--json");

        record("simulate", 0, "simulate", "--scenario", "music-default", "--policy", "thompson", "--ranker",
                "pairwise", "--max-arms", "3", "--rounds", "40", "--data", d, "--json");
        record("simulate --interleave", 0, "simulate", "--scenario", "music-default", "--interleave", "rrf,random",
                "--seeds", "2", "--rounds", "60", "--data", d, "--json");
        record("simulate synthetic", 0, "simulate", "--scenario", "synthetic-two-contexts", "--rounds", "200",
                "--data", d, "--json");
        record("compare", 0, "compare", "--scenario", "music-default", "--policies", "thompson,linucb", "--ranker",
                "pairwise", "--no-rewrite", "--rounds", "20", "--seeds", "1", "--data", d, "--json");
        record("compare synthetic", 0, "compare", "--scenario", "synthetic-two-contexts", "--policies",
                "uniform,thompson", "--with-fixed-arms", "--rounds", "100", "--seeds", "2", "--data", d, "--json");

        Path generated = dir.resolve("generated.jsonl");
        record("catalog generate", 0, "catalog", "generate", "--items", "300", "--seed", "3", "--out",
                generated.toString(), "--data", d, "--json");
        record("catalog derive", 0, "catalog", "derive", "--source", tinyFreemusicc().toString(), "--out",
                dir.resolve("derived").toString(), "--data", d, "--json");

        record("bench", 0, "bench", "--queries", "10", "--warmup", "2", "--k", "10", "--data", d, "--json");
        record("bench --end-to-end", 0, "bench", "--end-to-end", "--items", "300", "--queries", "5", "--warmup", "1",
                "--simulate-rounds", "20", "--simulate-warmup", "0", "--simulate-passes", "1", "--work",
                dir.resolve("e2e-work").toString(), "--data", d, "--json");
        record("bench --end-to-end no simulation", 0, "bench", "--end-to-end", "--catalog", generated.toString(),
                "--queries", "5", "--warmup", "1", "--simulate-rounds", "0", "--data", d, "--json");
        record("judgments from-clicks", 0, "judgments", "from-clicks", "--model", "pbm", "--min-impressions", "1",
                "--data", d, "--json");
        record("judgments from-clicks dbn", 0, "judgments", "from-clicks", "--model", "dbn", "--min-impressions", "1",
                "--source", "clicks-dbn-test", "--data", d, "--json");
        record("judgments validate", 0, "judgments", "validate", "--sessions", "2000", "--json");
        record("bench --store-writes", 0, "bench", "--store-writes", "--searches", "5", "--warmup", "1", "--data",
                dir.resolve("store-bench").toString(), "--json");

        // Last: the folder then uses the database.
        TeamDatabase team = TeamDatabase.create(dir);
        record("store migrate", 0, Stream.concat(Stream.of("store", "migrate", "--data", d, "--json"),
                Arrays.stream(team.migrateOptions())).toArray(String[]::new));
    }

    private JsonNode record(String variant, int exitCode, String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(variant + ": " + run.err()).isEqualTo(exitCode);
        JsonNode doc = run.json();
        Map<String, Set<String>> types = new LinkedHashMap<>();
        collect(doc, "", types);
        List<String> lines = new ArrayList<>();
        types.forEach((path, t) -> lines.add(path + " : " + String.join("|", t)));
        assertThat(documents.put(variant, lines)).as("variant names are unique").isNull();
        return doc;
    }

    /** Key paths in document order, each with the JSON types seen there. */
    static void collect(JsonNode node, String path, Map<String, Set<String>> types) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            if (UNORDERED.contains(path)) {
                fields.sort(Map.Entry.comparingByKey());
            }
            for (Map.Entry<String, JsonNode> field : fields) {
                String child = DATA_KEYED.contains(path) ? path + ".*"
                        : path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                types.computeIfAbsent(child, p -> new TreeSet<>()).add(type(field.getValue()));
                collect(field.getValue(), child, types);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                types.computeIfAbsent(path + "[]", p -> new TreeSet<>()).add(type(element));
                collect(element, path + "[]", types);
            }
        }
    }

    static String type(JsonNode n) {
        return switch (n.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> n.isIntegralNumber() ? "int" : "float";
            default -> n.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    static String render(Map<String, List<String>> docs) {
        StringBuilder sb = new StringBuilder("""
                # The JSON keys of every CLI command variant, pinned by CliJsonKeysTest (scripts depend on them).
                # Regenerate with -Dltrr.pin.write=true only for an intended change of the interface.
                # path : JSON types; a.b = key b in object a, a[] = elements of array a, a.* = keys that are data.
                """);
        docs.forEach((variant, lines) -> {
            sb.append("\n== ").append(variant).append('\n');
            lines.forEach(l -> sb.append(l).append('\n'));
        });
        return sb.toString();
    }

    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> docs = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("== ")) {
                current = new ArrayList<>();
                docs.put(line.substring(3), current);
            } else if (current != null && !line.isBlank() && !line.startsWith("#")) {
                current.add(line);
            }
        }
        return docs;
    }

    private static String readPin() throws IOException {
        try (InputStream in = CliJsonKeysTest.class.getResourceAsStream(PIN)) {
            if (in == null) {
                fail(PIN + " is missing: generate it with -Dltrr.pin.write=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String describe(String variant, List<String> want, List<String> got) {
        List<String> missing = new ArrayList<>(want);
        missing.removeAll(got);
        List<String> extra = new ArrayList<>(got);
        extra.removeAll(want);
        StringBuilder sb = new StringBuilder("== ").append(variant).append('\n');
        missing.forEach(l -> sb.append("  - ").append(l).append('\n'));
        extra.forEach(l -> sb.append("  + ").append(l).append('\n'));
        if (missing.isEmpty() && extra.isEmpty()) {
            sb.append("  same keys, other order: ").append(got).append('\n');
        }
        return sb.toString();
    }

    private Path tinyBeir() throws IOException {
        Path beir = dir.resolve("tiny-beir");
        Files.createDirectories(beir.resolve("qrels"));
        Files.writeString(beir.resolve("corpus.jsonl"), """
                {"_id": "d1", "title": "Cats", "text": "Cats purr and sleep all day."}
                {"_id": "d2", "title": "Dogs", "text": "Dogs bark at the mail carrier."}
                {"_id": "d3", "title": "Birds", "text": "Birds sing at dawn."}
                """);
        Files.writeString(beir.resolve("queries.jsonl"), """
                {"_id": "q1", "text": "why do cats purr"}
                {"_id": "q2", "text": "birds singing"}
                """);
        Files.writeString(beir.resolve("qrels").resolve("test.tsv"),
                "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td3\t1\n");
        return beir;
    }

    private Path tinyFreemusicc() throws IOException {
        Path source = dir.resolve("freemusicc");
        Files.createDirectories(source);
        Files.writeString(source.resolve("releases.csv"), """
                activity,album,artist,catalog,duration,genre,id,label,licenseurl,rating,style,totaldiscs,totaltracks,url,year
                3,Good,Band A,c1,600,Electronic,r1,Lab,,5,Trip Hop,1,2,http://a/r1,2010
                """);
        Files.writeString(source.resolve("tracks.csv"), """
                activity,disc,duration,id,rating,title,track,trackartist,trackurl
                3,1,300,r1,5,One,1,Band A,http://a/1.mp3
                2,1,200,r1,4,Two,2,Band A,http://a/2.mp3
                """);
        return source;
    }
}
