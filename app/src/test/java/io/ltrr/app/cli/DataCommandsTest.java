package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.export.DataExport;
import io.ltrr.engine.store.Judgment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log's commands (ope, export, import, snapshot, agreement, eval and ranker training against imported
 * judgments) run in-process on a small indexed catalog whose log is scripted: 18 searches, clicks on the first
 * three, and three annotators' grades of six (query, item) pairs chosen so the kappas can be computed by hand.
 */
class DataCommandsTest {
    static final String[] QUERIES = {"love song", "orange horizon", "quiet morning", "tokyo rain", "bass weight",
            "avalon"};
    /** Grades of the top result of each query, by annotator (see the kappa tests for the arithmetic). */
    static final int[] ALICE = {3, 2, 0, 1, 3, 0};
    static final int[] BOB = {3, 2, 1, 1, 0, 0};
    static final int[] CAROL = {3, 1, 1, 1, 0, 0};

    @TempDir
    static Path dir;
    static Path data;
    static Path catalog;
    /** The top result of each query's first search, in QUERIES order. */
    static final List<String> top = new ArrayList<>();
    static int searches;

    @BeforeAll
    static void scriptALog() throws IOException {
        data = dir.resolve("data");
        catalog = dir.resolve("music.csv");
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
        CliRun index = CliRun.of("index", "--data", data.toString(), "--catalog", catalog.toString(),
                "--no-embeddings", "--mapping", "id=track_id,title=name,artist=performer", "--json");
        assertThat(index.exitCode()).as(index.err()).isZero();
        try (Workbench wb = Workbench.open(WorkbenchConfig.defaults(data))) {
            List<SearchResult> first = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String q : QUERIES) {
                    SearchResult r = wb.search(q, SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 0)));
                    searches++;
                    if (round == 0) {
                        first.add(r);
                        top.add(r.results().getFirst().itemId());
                        if (first.size() <= 3) {
                            // While the search is open: the user's next search closes it with this click's reward
                            // (ADR 0009); a click after that is logged only.
                            wb.click(r.searchId(), top.getLast());
                        }
                    }
                }
            }
            for (int i = 0; i < QUERIES.length; i++) {
                wb.rate(first.get(i).searchId(), top.get(i), ALICE[i], "alice");
                wb.rate(first.get(i).searchId(), top.get(i), BOB[i], "bob");
                wb.rate(first.get(i).searchId(), top.get(i), CAROL[i], "carol");
            }
            // a can't-tell rating is no judgment: it must not count anywhere below
            wb.rate(first.get(0).searchId(), top.get(0), null, "dave");
        }
    }

    // ---- ope ----

    @Test
    void opeEstimatesEveryPolicyWithIntervalsAroundTheEstimates() {
        CliRun run = CliRun.of("ope", "--data", data.toString(), "--policy", "uniform", "--policy", "arm:bm25",
                "--policy", "thompson", "--bootstrap", "300", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("mode").asText()).isEqualTo("progressive");
        assertThat(doc.get("bootstrap").asInt()).isEqualTo(300);
        assertThat(doc.get("level").asDouble()).isEqualTo(0.95);
        JsonNode rows = doc.get("estimates");
        assertThat(rows.findValuesAsText("policy")).containsExactlyInAnyOrder("uniform", "arm:bm25", "thompson");
        double lastDr = Double.POSITIVE_INFINITY;
        for (JsonNode row : rows) {
            assertThat(row.get("rounds").asInt()).isEqualTo(searches);
            assertThat(row.get("unsupported_rounds").asInt()).isBetween(0, searches);
            for (String est : List.of("ips", "snips", "dr")) {
                JsonNode e = row.get(est);
                assertThat(e).as(est).isNotNull();
                double v = e.get("value").asDouble();
                assertThat(e.get("ci_low").asDouble()).as(row.get("policy") + " " + est).isLessThanOrEqualTo(v);
                assertThat(e.get("ci_high").asDouble()).as(row.get("policy") + " " + est).isGreaterThanOrEqualTo(v);
                assertThat(v).isFinite();
            }
            // the leaderboard is sorted by the doubly robust value, best first
            assertThat(row.get("dr").get("value").asDouble()).isLessThanOrEqualTo(lastDr);
            lastDr = row.get("dr").get("value").asDouble();
        }
    }

    @Test
    void opeIsDeterministicForASeed() {
        String[] args = {"ope", "--data", data.toString(), "--policy", "epsilon-greedy", "--bootstrap", "200",
                "--seed", "5", "--json"};
        assertThat(CliRun.of(args).out()).isEqualTo(CliRun.of(args).out());
    }

    @Test
    void opeOfAnUnknownPolicyIsAClearError() {
        CliRun run = CliRun.of("ope", "--data", data.toString(), "--policy", "nope", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void opeOnAnEmptyLogSaysSo() throws IOException {
        Files.createDirectories(dir.resolve("empty-data"));
        CliRun run = CliRun.of("ope", "--data", dir.resolve("empty-data").toString(), "--policy", "uniform");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no rounds");
    }

    // ---- export ----

    private static CliRun export(String kind, String format, Path out) {
        List<String> args = new ArrayList<>(List.of("export", kind, "--data", data.toString(), "--out", out.toString(),
                "--json"));
        if (format != null) {
            args.addAll(List.of("--format", format));
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void logTablesExportAsCsvAndJsonlWithOneRowPerEvent() throws IOException {
        int[] rows = {searches, 3, 3 * QUERIES.length + 1};
        String[] kinds = {"impressions", "clicks", "ratings"};
        for (int i = 0; i < kinds.length; i++) {
            Path csv = dir.resolve(kinds[i] + ".csv");
            CliRun c = export(kinds[i], "csv", csv);
            assertThat(c.exitCode()).as(c.err()).isZero();
            assertThat(c.json().get("kind").asText()).isEqualTo(kinds[i]);
            assertThat(c.json().get("format").asText()).isEqualTo("csv");
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.getFirst()).as(kinds[i] + " header").matches("[a-z_]+(,[a-z_]+)+");
            assertThat(c.json().get("lines").asLong()).isEqualTo(lines.size());

            Path jsonl = dir.resolve(kinds[i] + ".jsonl");
            CliRun j = export(kinds[i], "jsonl", jsonl);
            assertThat(j.exitCode()).as(j.err()).isZero();
            List<String> objects = Files.readAllLines(jsonl);
            assertThat(objects).as(kinds[i]).hasSize(rows[i]);
            ObjectMapper mapper = new ObjectMapper();
            for (String line : objects) {
                assertThat(mapper.readTree(line).isObject()).isTrue();
            }
            // a CSV row per JSONL object (quoted fields never hold line breaks here)
            assertThat(lines).as(kinds[i]).hasSize(rows[i] + 1);
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode rating = mapper.readTree(Files.readAllLines(dir.resolve("ratings.jsonl")).getLast());
        assertThat(rating.get("annotator").asText()).isEqualTo("dave");
        assertThat(rating.get("grade").isNull()).isTrue();
    }

    @Test
    void vwAdfExportLabelsEachChosenArmWithActionCostProbability() throws IOException {
        Path vw = dir.resolve("log.vw");
        CliRun run = export("vw", null, vw);
        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = Files.readString(vw);
        String[] examples = text.strip().split("\n\n");
        Pattern label = Pattern.compile("^(\\d+):(-?[0-9.E-]+):([0-9.E-]+) \\|a arm=\\S+$");
        int labelled = 0;
        for (String example : examples) {
            String[] lines = example.split("\n");
            assertThat(lines[0]).startsWith("shared |x ");
            int inExample = 0;
            for (int i = 1; i < lines.length; i++) {
                var m = label.matcher(lines[i]);
                if (m.matches()) {
                    inExample++;
                    double cost = Double.parseDouble(m.group(2));
                    double p = Double.parseDouble(m.group(3));
                    assertThat(cost).isBetween(-3.0, 0.0);
                    assertThat(p).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
                } else {
                    assertThat(lines[i]).matches("\\|a arm=\\S+");
                }
            }
            assertThat(inExample).as("one labelled action per example").isEqualTo(1);
            labelled++;
        }
        // one example per chosen arm of every round: at least one per search
        assertThat(labelled).isGreaterThanOrEqualTo(searches);
        // the clicks became negative costs somewhere
        assertThat(text).containsPattern("\\d+:-1:");
    }

    /** The consensus grade of each rated pair: the mean over alice, bob and carol, rounded half up. */
    private static Set<List<String>> consensus() {
        Set<List<String>> out = new HashSet<>();
        for (int i = 0; i < QUERIES.length; i++) {
            int grade = (int) Math.floor((ALICE[i] + BOB[i] + CAROL[i]) / 3.0 + 0.5);
            out.add(List.of(QUERIES[i], top.get(i), Integer.toString(grade)));
        }
        return out;
    }

    private static Set<List<String>> imported(String source) {
        Set<List<String>> out = new HashSet<>();
        try (DataExport d = DataExport.open(data)) {
            for (Judgment j : d.judgments()) {
                if (j.source().equals(source)) {
                    out.add(List.of(j.query(), j.itemId(), Integer.toString(j.grade())));
                }
            }
        }
        return out;
    }

    @Test
    void judgmentsRoundTripThroughTrecQrelsAndQuepidCsv() throws IOException {
        Path qrels = dir.resolve("ratings.qrels");
        Path csv = dir.resolve("ratings-quepid.csv");
        assertThat(export("qrels", null, qrels).exitCode()).isZero();
        assertThat(export("quepid", null, csv).exitCode()).isZero();
        // "love song" has a space: in TREC files the qid is its percent encoding, one whitespace-free token
        assertThat(Files.readAllLines(qrels)).contains("love%20song 0 " + top.getFirst() + " 3");
        assertThat(Files.readAllLines(csv)).first().isEqualTo("query,docid,rating");

        CliRun fromQrels = CliRun.of("import", "judgments", qrels.toString(), "--data", data.toString(),
                "--source", "rt-qrels", "--json");
        assertThat(fromQrels.exitCode()).as(fromQrels.err()).isZero();
        assertThat(fromQrels.json().get("format").asText()).isEqualTo("trec");
        assertThat(fromQrels.json().get("imported").asInt()).isEqualTo(QUERIES.length);
        assertThat(fromQrels.json().get("problems").size()).isZero();
        CliRun fromCsv = CliRun.of("import", "judgments", csv.toString(), "--data", data.toString(),
                "--source", "rt-csv", "--json");
        assertThat(fromCsv.exitCode()).as(fromCsv.err()).isZero();
        assertThat(fromCsv.json().get("format").asText()).isEqualTo("csv");

        assertThat(imported("rt-qrels")).isEqualTo(consensus());
        assertThat(imported("rt-csv")).isEqualTo(consensus());
    }

    @Test
    void runExportHasOneTrecLinePerShownItemOfTheLatestSearchOfEachQuery() throws IOException {
        Path run = dir.resolve("log.run");
        CliRun r = export("run", null, run);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(run);
        assertThat(lines).isNotEmpty().allMatch(l -> l.matches("\\S+ Q0 \\S+ \\d+ -?[0-9.E-]+ \\S+"));
        Set<String> qids = new HashSet<>();
        lines.forEach(l -> qids.add(l.split(" ")[0]));
        assertThat(qids).contains("love%20song", "avalon").hasSize(QUERIES.length);
    }

    @Test
    void anUnknownExportKindOrFormatIsAClearError() {
        CliRun kind = export("everything", null, dir.resolve("x.out"));
        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown export 'everything'");
        CliRun format = export("clicks", "xml", dir.resolve("x.out"));
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("xml");
    }

    // ---- import: bad input ----

    @Test
    void malformedQrelsLinesAreListedWithFileAndLineAndTheRestIsImported() throws IOException {
        Path bad = dir.resolve("bad.qrels");
        Files.writeString(bad, "q1 0 t1 2\nq1 0 t2\nq2 0 t3 high\nq2 0 t4 1\n");
        CliRun run = CliRun.of("import", "judgments", bad.toString(), "--data", data.toString(), "--source", "bad");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("bad.qrels:2: ").contains("bad.qrels:3: ").doesNotContain("bad.qrels:1:")
                .doesNotContain("bad.qrels:4:").doesNotContain("Exception");
        assertThat(run.out()).contains("imported 2 judgments");
        CliRun json = CliRun.of("import", "judgments", bad.toString(), "--data", data.toString(), "--source", "bad",
                "--json");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.json().get("problems").findValuesAsText("line")).containsExactly("2", "3");
        assertThat(json.json().get("problems").get(0).get("reason").asText()).isNotBlank();
        assertThat(imported("bad")).containsExactlyInAnyOrder(List.of("q1", "t1", "2"), List.of("q2", "t4", "1"));
    }

    @Test
    void malformedCsvJudgmentsAreListedWithTheirLines() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "query,docid,rating\nlove song,t1,3\nlove song,t2\n,t3,1\nnight drive,t8,x\n");
        CliRun run = CliRun.of("import", "judgments", bad.toString(), "--data", data.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode doc = run.json();
        assertThat(doc.get("source").asText()).isEqualTo("bad.csv");
        assertThat(doc.get("imported").asInt()).isEqualTo(1);
        assertThat(doc.get("problems").findValuesAsText("line")).containsExactly("3", "4", "5");
    }

    @Test
    void importingAMissingFileOrSomethingElseIsAClearError() {
        CliRun missing = CliRun.of("import", "judgments", dir.resolve("nowhere.qrels").toString(), "--data",
                data.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.qrels").doesNotContain("Exception");
        CliRun what = CliRun.of("import", "ratings", dir.resolve("x").toString(), "--data", data.toString());
        assertThat(what.exitCode()).isEqualTo(2);
        assertThat(what.err()).contains("only 'judgments'");
    }

    // ---- eval and ranker training against imported judgments ----

    @Test
    void evalMeasuresTheCatalogsArmsAgainstImportedJudgments() throws IOException {
        Path judged = dir.resolve("editors.csv");
        // t6 is what "quiet morning" finds first; t1 ("Love Song") never matches it: recall 1/2 on that query
        Files.writeString(judged, "query,docid,rating\norange horizon,t2,2\nquiet morning,t6,3\nquiet morning,t1,1\n");
        CliRun imp = CliRun.of("import", "judgments", judged.toString(), "--data", data.toString(), "--json");
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        Path runFile = dir.resolve("editors.run");
        CliRun run = CliRun.of("eval", "--judgments", "editors.csv", "--arm", "bm25", "--data", data.toString(),
                "--run", runFile.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("split").asText()).isEqualTo("judgments:editors.csv");
        assertThat(doc.get("queries").asInt()).isEqualTo(2);
        JsonNode bm25 = doc.get("arms").get(0);
        assertThat(bm25.get("arm").asText()).isEqualTo("bm25");
        assertThat(bm25.get("mrr@10").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(bm25.get("recall@100").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(bm25.get("ndcg@10").asDouble()).isLessThan(1.0).isGreaterThan(0.5);
        // the run file's qids are the query text as 'export qrels' writes it
        assertThat(Files.readAllLines(runFile)).anyMatch(l -> l.startsWith("quiet%20morning Q0 t6 1 "));
    }

    @Test
    void evalAgainstUnknownJudgmentsListsTheImportedSources() throws IOException {
        Path some = dir.resolve("some.qrels");
        Files.writeString(some, "avalon 0 t4 1\n");
        assertThat(CliRun.of("import", "judgments", some.toString(), "--data", data.toString()).exitCode()).isZero();
        CliRun run = CliRun.of("eval", "--judgments", "nope", "--arm", "bm25", "--data", data.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no judgments of source 'nope'").contains("some.qrels");
        CliRun neither = CliRun.of("eval", "--arm", "bm25", "--data", data.toString());
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--collection").contains("--judgments");
        CliRun split = CliRun.of("eval", "--judgments", "some.qrels", "--split", "test", "--arm", "bm25", "--data",
                data.toString());
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.err()).contains("--split is for collections");
    }

    @Test
    void rankerTrainingLearnsFromImportedJudgments() throws IOException {
        Path fresh = dir.resolve("train-data");
        CliRun.of("index", "--data", fresh.toString(), "--catalog", catalog.toString(), "--no-embeddings",
                "--mapping", "id=track_id,title=name,artist=performer", "--json");
        // an empty log teaches nothing
        CliRun empty = CliRun.of("ranker", "train", "pairwise", "--data", fresh.toString(), "--json");
        assertThat(empty.exitCode()).isEqualTo(2);
        Path judged = dir.resolve("train.csv");
        Files.writeString(judged, "query,docid,rating\ncities,t7,3\ncities,t8,0\nvalliam,t3,3\nvalliam,t2,0\n");
        assertThat(CliRun.of("import", "judgments", judged.toString(), "--data", fresh.toString()).exitCode())
                .isZero();
        CliRun run = CliRun.of("ranker", "train", "pairwise", "--judgments", "train.csv", "--data",
                fresh.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode trained = run.json().get("trained");
        assertThat(trained.get("version").asLong()).isEqualTo(1);
        assertThat(trained.get("queries").asInt()).isEqualTo(2);
        assertThat(trained.get("method").asText()).contains("0 logged").contains("2 queries judged in 'train.csv'");
        assertThat(run.json().get("model_versions").get("pairwise").asLong()).isEqualTo(1);

        // the trained model is a configuration to compare: snapshots ordered by it and by plain RRF
        Path queries = dir.resolve("ranker-queries.txt");
        Files.writeString(queries, "cities\nvalliam\n");
        Path learned = dir.resolve("pairwise.json");
        CliRun save = CliRun.of("snapshot", "save", "--queries", queries.toString(), "--out", learned.toString(),
                "--ranker", "pairwise", "--k", "5", "--data", fresh.toString(), "--json");
        assertThat(save.exitCode()).as(save.err()).isZero();
        assertThat(save.json().get("config").get("ranker").asText()).isEqualTo("pairwise");
        assertThat(save.json().get("config").get("ranker_version").asText()).isEqualTo("1");
        Path again = dir.resolve("pairwise-again.json");
        CliRun.of("snapshot", "save", "--queries", queries.toString(), "--out", again.toString(), "--ranker",
                "pairwise", "--k", "5", "--data", fresh.toString());
        Path rrf = dir.resolve("rrf.json");
        assertThat(CliRun.of("snapshot", "save", "--queries", queries.toString(), "--out", rrf.toString(),
                "--ranker", "rrf", "--k", "5", "--data", fresh.toString()).exitCode()).isZero();
        // the same model gives the same lists (nothing was logged or learned in between)
        JsonNode same = CliRun.of("snapshot", "diff", learned.toString(), again.toString(), "--json").json();
        assertThat(same.get("mean_rbo").asDouble()).isCloseTo(1.0, within(1e-9));
        JsonNode diff = CliRun.of("snapshot", "diff", rrf.toString(), learned.toString(), "--json").json();
        assertThat(diff.get("queries").size()).isEqualTo(2);
        // what the judgments taught: plain RRF puts the more popular t8 first for "cities", the trained model
        // t7 (judged 3) above t8 (judged 0)
        JsonNode cities = diff.get("queries").get(0);
        assertThat(cities.get("query").asText()).isEqualTo("cities");
        java.util.Map<String, String> moves = new java.util.HashMap<>();
        cities.get("rank_changes").forEach(c -> moves.put(c.get("item_id").asText(),
                c.get("change").asText() + " " + c.get("rank_a") + "->" + c.get("rank_b")));
        assertThat(moves).containsEntry("t7", "up 2->1").containsEntry("t8", "down 1->2");
        CliRun unknown = CliRun.of("snapshot", "save", "--queries", queries.toString(), "--out",
                dir.resolve("x.json").toString(), "--ranker", "nope", "--data", fresh.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown ranker 'nope'");
    }

    // ---- snapshots ----

    @Test
    void snapshotsOfTwoConfigurationsCompareWithOverlapAndRankChanges() throws IOException {
        Path queries = dir.resolve("queries.txt");
        Files.writeString(queries, "# demo set\nvalliam\n\ncities\nambient\n");
        Path a = dir.resolve("bm25.json");
        Path b = dir.resolve("bm25-explore.json");
        CliRun saveA = CliRun.of("snapshot", "save", "--queries", queries.toString(), "--out", a.toString(), "--arm",
                "bm25", "--k", "5", "--label", "lexical", "--data", data.toString(), "--json");
        assertThat(saveA.exitCode()).as(saveA.err()).isZero();
        assertThat(saveA.json().get("queries").asInt()).isEqualTo(3);
        CliRun saveB = CliRun.of("snapshot", "save", "--queries", queries.toString(), "--out", b.toString(), "--arm",
                "bm25", "--arm", "explore", "--k", "5", "--data", data.toString(), "--json");
        assertThat(saveB.exitCode()).as(saveB.err()).isZero();

        CliRun same = CliRun.of("snapshot", "diff", a.toString(), a.toString(), "--json");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.json().get("mean_jaccard").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(same.json().get("mean_rbo").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(same.json().get("queries").findValuesAsText("change")).containsOnly("same");

        CliRun diff = CliRun.of("snapshot", "diff", a.toString(), b.toString(), "--json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        JsonNode doc = diff.json();
        assertThat(doc.get("queries").size()).isEqualTo(3);
        for (JsonNode q : doc.get("queries")) {
            assertThat(q.get("jaccard").asDouble()).isBetween(0.0, 1.0);
            assertThat(q.get("rbo").asDouble()).isBetween(0.0, 1.0);
            for (JsonNode c : q.get("rank_changes")) {
                String change = c.get("change").asText();
                assertThat(change).isIn("up", "down", "same", "new", "gone");
                if (change.equals("up")) {
                    assertThat(c.get("rank_b").asInt()).isLessThan(c.get("rank_a").asInt());
                } else if (change.equals("new")) {
                    assertThat(c.get("rank_a").isNull()).isTrue();
                }
            }
        }
        assertThat(doc.get("mean_jaccard").asDouble()).isBetween(0.0, 1.0);
        // the text form shows each move as an arrow with the ranks
        CliRun text = CliRun.of("snapshot", "diff", a.toString(), b.toString());
        assertThat(text.out()).contains("mean over 3 queries");
        // explore's picks (seeded) push bm25's results down the fused list
        assertThat(doc.get("mean_jaccard").asDouble()).isLessThan(1.0);
        assertThat(doc.get("queries").findValuesAsText("change")).contains("new", "down");
        assertThat(text.out()).containsPattern("\\+ new +\\S+ +- -> \\d+").containsPattern("↓ down +\\S+ +\\d+ -> \\d+");
    }

    @Test
    void snapshotDiffOfAMissingFileIsAClearError() {
        CliRun run = CliRun.of("snapshot", "diff", dir.resolve("a-missing.json").toString(),
                dir.resolve("b-missing.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a-missing.json").doesNotContain("Exception");
    }

    // ---- agreement ----

    @Test
    void cohensKappaOfTwoAnnotatorsMatchesTheHandComputedValue() {
        // alice 3 2 0 1 3 0, bob 3 2 1 1 0 0: they agree on 4 of 6 items, p_o = 2/3.
        // Marginals alice (0:2, 1:1, 2:1, 3:2), bob (0:2, 1:2, 2:1, 3:1): p_e = (4 + 2 + 1 + 2) / 36 = 1/4.
        // kappa = (2/3 - 1/4) / (1 - 1/4) = 5/9.
        CliRun run = CliRun.of("agreement", "--annotators", "alice,bob", "--data", data.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("annotators").toString()).isEqualTo("[\"alice\",\"bob\"]");
        assertThat(doc.get("shared_items").asInt()).isEqualTo(6);
        assertThat(doc.get("cohen_kappa").asDouble()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(doc.get("observed_agreement").asDouble()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(doc.get("pairs").size()).isEqualTo(1);
    }

    @Test
    void fleissKappaOfThreeAnnotatorsMatchesTheHandComputedValue() {
        // Per item the grades of alice, bob, carol: (3,3,3) (2,2,1) (0,1,1) (1,1,1) (3,0,0) (0,0,0).
        // P_i = (sum n_ij^2 - 3) / 6 = 1, 1/3, 1/3, 1, 1/3, 1 -> mean 2/3.
        // Category shares over 18 grades: 0: 6, 1: 6, 2: 2, 3: 4 -> P_e = (36 + 36 + 4 + 16) / 324 = 23/81.
        // kappa = (2/3 - 23/81) / (1 - 23/81) = 31/58. Dave's can't-tell rating is no grade: he is not compared.
        CliRun run = CliRun.of("agreement", "--data", data.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = run.json();
        List<String> who = new ArrayList<>();
        doc.get("annotators").forEach(a -> who.add(a.asText()));
        assertThat(who).containsExactly("alice", "bob", "carol");
        assertThat(doc.get("fleiss_kappa").asDouble()).isCloseTo(31.0 / 58, within(1e-12));
        assertThat(doc.get("cohen_kappa").isNull()).isTrue();
        assertThat(doc.get("observed_agreement").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(doc.get("pairs").size()).isEqualTo(3);
        assertThat(doc.get("pairs").get(0).get("a").asText()).isEqualTo("alice");
        assertThat(doc.get("pairs").get(0).get("cohen_kappa").asDouble()).isCloseTo(5.0 / 9, within(1e-12));
        CliRun text = CliRun.of("agreement", "--data", data.toString());
        assertThat(text.out()).contains("Fleiss' kappa 0.534");
    }

    @Test
    void agreementWithAnUnknownAnnotatorNamesTheKnownOnes() {
        CliRun run = CliRun.of("agreement", "--annotators", "alice,zed", "--data", data.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'zed'").contains("alice");
        CliRun one = CliRun.of("agreement", "--annotators", "alice", "--data", data.toString());
        assertThat(one.exitCode()).isEqualTo(2);
        assertThat(one.err()).contains("at least two annotators");
    }
}
