package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ltrr queryset …} and the weighted kappa of {@code ltrr agreement}, in-process on a small indexed catalog
 * whose log is scripted: each query searched (love song twice), two annotators grading each query's top result.
 */
class QuerySetCommandsTest {
    static final String[] QUERIES = {"love song", "orange horizon", "quiet morning", "tokyo rain", "bass weight",
            "avalon"};
    static final int[] ALICE = {3, 2, 0, 1, 3, 0};
    static final int[] BOB = {3, 2, 1, 1, 0, 0};

    @TempDir
    static Path dir;
    static Path data;
    static String d;

    @BeforeAll
    static void scriptALog() throws IOException {
        data = dir.resolve("data");
        d = data.toString();
        Path catalog = dir.resolve("music.csv");
        Files.writeString(catalog, """
                track_id,name,performer,album,styles,year,popularity
                t1,Love Song,Harvey Taylor,Night Songs,Trip Hop,1998,0.2
                t2,Orange Horizon,Valliam,Drift,Ambient,2010,0.6
                t3,Dissolution,Valliam,Drift,Ambient,2010,0.3
                t4,Avalon,Valliam,Drift,Chillout,2011,0.1
                t5,Bass Weight,Dub Unit,Heavy,Dubstep,2012,0.5
                t6,Quiet Morning,Still Water,Mornings,Ambient,2014,0.05
                t7,Tokyo Rain,Cities Club,Cities,Downtempo,2016,0.4
                t8,Night Drive,Cities Club,Cities,Downtempo,2017,0.7
                """);
        CliRun index = CliRun.of("index", "--data", d, "--catalog", catalog.toString(), "--no-embeddings",
                "--mapping", "id=track_id,title=name,artist=performer", "--json");
        assertThat(index.exitCode()).as(index.err()).isZero();
        try (Workbench wb = Workbench.open(WorkbenchConfig.defaults(data))) {
            for (int i = 0; i < QUERIES.length; i++) {
                SearchResult r = wb.search(QUERIES[i], SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 0)));
                String top = r.results().getFirst().itemId();
                wb.rate(r.searchId(), top, ALICE[i], "alice");
                wb.rate(r.searchId(), top, BOB[i], "bob");
            }
            wb.search("love song", SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 5)));
        }
    }

    private static JsonNode ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.json();
    }

    @Test
    void aSetOfTypedQueriesIsListedShownRunAndFollowedOverTime() {
        JsonNode made = ok("queryset", "create", "typed", "--query", "love song", "--query", "avalon",
                "--query", "love song", "--data", d, "--json");
        assertThat(made.get("queries").toString()).isEqualTo("[\"love song\",\"avalon\"]");

        JsonNode listed = ok("queryset", "list", "--data", d, "--json");
        assertThat(listed.get("query_sets").findValuesAsText("name")).contains("typed");

        JsonNode shown = ok("queryset", "show", "typed", "--judgments", "own", "--data", d, "--json");
        assertThat(shown.get("judgments").asText()).isEqualTo("own");
        JsonNode love = shown.get("queries").get(0);
        assertThat(love.get("query").asText()).isEqualTo("love song");
        // the top result was graded 3 by both: relevant at rank 1 when the current configuration ranks it first
        assertThat(love.get("relevant_judged").asBoolean()).isTrue();
        assertThat(love.get("p@10").asDouble()).isEqualTo(0.1);
        assertThat(love.get("unjudged").asInt()).isEqualTo(love.get("unjudged_items").size());
        assertThat(shown.get("mean").has("ndcg@10")).isTrue();

        CliRun run = CliRun.of("queryset", "run", "typed", "--judgments", "own", "--data", d, "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        long first = run.json().get("run_id").asLong();
        long second = ok("queryset", "run", "typed", "--judgments", "own", "--data", d, "--json").get("run_id").asLong();
        JsonNode history = ok("queryset", "history", "typed", "--data", d, "--json");
        assertThat(history.get("runs").findValues("run_id")).extracting(JsonNode::asLong).containsExactly(first, second);
        assertThat(history.get("runs").get(0).get("mean").get("mrr@10").asDouble())
                .isEqualTo(run.json().get("mean").get("mrr@10").asDouble());
        assertThat(CliRun.of("queryset", "history", "typed", "--data", d).out()).contains("run " + first);
    }

    @Test
    void aFileWithBadLinesMakesASetOfTheGoodOnesAndNamesTheBadOnes() throws IOException {
        Path file = dir.resolve("queries.csv");
        Files.writeString(file, "\uFEFFquery,notes\nlove song,x\n,blank\n\"broken,y\navalon,z\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("queryset", "create", "from-file", "--file", file.toString(), "--data", d, "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode doc = run.json();
        assertThat(doc.get("queries").toString()).isEqualTo("[\"love song\",\"avalon\"]");
        assertThat(doc.get("problems").findValues("line")).extracting(JsonNode::asInt).containsExactly(3, 4);
        CliRun text = CliRun.of("queryset", "create", "from-file-2", "--file", file.toString(), "--data", d);
        assertThat(text.err()).contains("queries.csv:3: query is blank");
    }

    @Test
    void aSampleOfTheLogIsSeededAndTheMostFrequentComeFirst() {
        JsonNode frequent = ok("queryset", "create", "top", "--sample", "2", "--strategy", "frequent", "--data", d,
                "--json");
        assertThat(frequent.get("queries").get(0).asText()).isEqualTo("love song");
        JsonNode r1 = ok("queryset", "create", "r1", "--sample", "3", "--strategy", "proportional", "--seed", "9",
                "--data", d, "--json");
        JsonNode r2 = ok("queryset", "create", "r2", "--sample", "3", "--strategy", "proportional", "--seed", "9",
                "--data", d, "--json");
        assertThat(r1.get("queries")).isEqualTo(r2.get("queries")).hasSize(3);
    }

    @Test
    void exportsWriteQuepidCsvQrelsAndTheLatestRun() throws IOException {
        ok("queryset", "create", "exports", "--query", "love song", "--query", "bass weight", "--data", d, "--json");
        Path quepid = dir.resolve("set.csv");
        ok("queryset", "export", "exports", "--format", "quepid", "--judgments", "own", "--out", quepid.toString(),
                "--data", d, "--json");
        assertThat(Files.readAllLines(quepid)).first().isEqualTo("query,docid,rating");
        assertThat(Files.readAllLines(quepid)).hasSize(3).anyMatch(l -> l.startsWith("love song,") && l.endsWith(",3"))
                .anyMatch(l -> l.startsWith("bass weight,") && l.endsWith(",2"));
        Path qrels = dir.resolve("set.qrels");
        JsonNode doc = ok("queryset", "export", "exports", "--format", "trec-qrels", "--out", qrels.toString(),
                "--data", d, "--json");
        assertThat(doc.get("lines").asLong()).isEqualTo(2);
        CliRun noRun = CliRun.of("queryset", "export", "exports", "--format", "trec-run", "--out",
                dir.resolve("x.run").toString(), "--data", d);
        assertThat(noRun.exitCode()).isEqualTo(2);
        assertThat(noRun.err()).isEqualTo("ltrr queryset export: query set 'exports' has no run yet: "
                + "ltrr queryset run exports" + System.lineSeparator());
        long id = ok("queryset", "run", "exports", "--data", d, "--json").get("run_id").asLong();
        Path trecRun = dir.resolve("set.run");
        ok("queryset", "export", "exports", "--format", "trec-run", "--out", trecRun.toString(), "--data", d,
                "--json");
        assertThat(Files.readAllLines(trecRun)).first().asString().startsWith("love%20song Q0 ")
                .endsWith(" ltrr-run-" + id);
    }

    @Test
    void twoConfigurationsAreComparedPerQueryAndAStoredRunEqualsTheCurrentOne() {
        ok("queryset", "create", "cmp", "--query", "love song", "--query", "tokyo rain", "--query", "avalon",
                "--data", d, "--json");
        long id = ok("queryset", "run", "cmp", "--data", d, "--json").get("run_id").asLong();
        JsonNode same = ok("queryset", "compare", "cmp", "--a", "current", "--b", "run=" + id, "--data", d, "--json");
        assertThat(same.get("mean_jaccard@10").asDouble()).isEqualTo(1.0);
        assertThat(same.get("queries")).hasSize(3);
        assertThat(same.get("queries").findValuesAsText("change")).containsOnly("same");

        JsonNode arms = ok("queryset", "compare", "cmp", "--a", "arms=bm25", "--b", "arms=bm25-pop;ranker=rrf",
                "--sort", "jaccard", "--data", d, "--json");
        double last = -1;
        for (JsonNode q : arms.get("queries")) {
            double change = 1 - q.get("jaccard@10").asDouble();
            assertThat(change).isGreaterThanOrEqualTo(last - 1e-12);
            last = change;
            assertThat(q.get("delta").get("ndcg@10").asDouble()).isCloseTo(
                    q.get("b").get("ndcg@10").asDouble() - q.get("a").get("ndcg@10").asDouble(), within(1e-12));
        }
        assertThat(arms.get("sorted_by").asText()).isEqualTo("jaccard");

        JsonNode one = ok("queryset", "compare", "--query", "love song", "--a", "arms=bm25", "--b", "current",
                "--data", d, "--json");
        assertThat(one.get("queries")).hasSize(1);
    }

    @Test
    void badInputIsOneClearLine() {
        CliRun none = CliRun.of("queryset", "create", "x", "--data", d);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("exactly one of --query Q, --file F or --sample N");
        CliRun unknown = CliRun.of("queryset", "show", "nope", "--data", d);
        assertThat(unknown.err()).startsWith("ltrr queryset show: no query set named 'nope'").hasLineCount(1);
        CliRun judgments = CliRun.of("queryset", "show", "nope", "--judgments", "mine", "--data", d);
        assertThat(judgments.err()).contains("own, all or imported:SOURCE");
        CliRun config = CliRun.of("queryset", "compare", "nope", "--a", "bm25", "--b", "current", "--data", d);
        assertThat(config.err()).contains("arms=A,B");
        CliRun strategy = CliRun.of("queryset", "create", "x", "--sample", "3", "--strategy", "often", "--data", d);
        assertThat(strategy.err()).contains("frequent, random or proportional");
        CliRun longName = CliRun.of("queryset", "create", "y".repeat(300), "--query", "q", "--data", d);
        assertThat(longName.err()).contains("at most 256 characters");
    }

    @Test
    void agreementGivesTheQuadraticWeightedKappaAndTheDisagreements() {
        // alice 3 2 0 1 3 0, bob 3 2 1 1 0 0 (the arithmetic is in KappaTest): weighted kappa = 7/17.
        JsonNode doc = ok("agreement", "--data", d, "--json");
        assertThat(doc.get("cohen_kappa").asDouble()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(doc.get("weighted_kappa").asDouble()).isCloseTo(7.0 / 17, within(1e-12));
        assertThat(doc.get("pairs").get(0).get("weighted_kappa").asDouble()).isCloseTo(7.0 / 17, within(1e-12));
        List<String> queries = new ArrayList<>();
        doc.get("disagreements").forEach(x -> queries.add(x.get("query").asText()));
        assertThat(queries).containsExactlyInAnyOrder("quiet morning", "bass weight");
        JsonNode bass = doc.get("disagreements").get(queries.indexOf("bass weight"));
        assertThat(bass.get("grades").findValuesAsText("annotator")).containsExactly("alice", "bob");
        assertThat(bass.get("grades").findValues("grade")).extracting(JsonNode::asInt).containsExactly(3, 0);
        assertThat(CliRun.of("agreement", "--data", d).out()).contains("weighted kappa 0.412")
                .contains("2 pair(s) graded differently");
    }
}
