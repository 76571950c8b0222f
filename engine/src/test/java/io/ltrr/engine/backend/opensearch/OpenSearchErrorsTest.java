package io.ltrr.engine.backend.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.backend.Backends;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexFields;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.BackendException;
import io.ltrr.engine.retrieval.Bm25Config;
import io.ltrr.engine.retrieval.TestCatalogs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What goes wrong with a cluster is told in one line that says what and what to do, never with the password:
 * an unreachable or silent cluster, a missing index, an index someone else wrote or of another mapping, a cluster
 * without k-NN (indexed without vectors), bulk requests refused for load (retried, then given up), refused
 * credentials. Real servers where the cluster matters, a loopback socket or a tiny HTTP server where only the
 * wire does.
 */
class OpenSearchErrorsTest {
    private static final String PASSWORD = "s3cret-pw";
    private static final Supplier<io.ltrr.engine.embed.TextEmbedder> NO_EMBEDDER = () -> {
        throw new AssertionError("no embedder is needed here");
    };
    private static final List<HttpServer> FAKES = new CopyOnWriteArrayList<>();

    @TempDir
    static Path dir;
    private static OpenSearchClient shared;

    @BeforeAll
    static void connect() {
        shared = new OpenSearchClient(new OpenSearchSettings(OpenSearchTestServer.shared().url(), "unused", "", ""));
    }

    @AfterAll
    static void stop() {
        shared.close();
        FAKES.forEach(f -> f.stop(0));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertOneLine(Throwable e) {
        assertThat(e).isInstanceOf(BackendException.class);
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
        return assertThat(e);
    }

    private static Throwable thrown(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    private static OpenSearchIndexer.Ensured ensure(OpenSearchSettings settings, IndexSettings index) {
        try (OpenSearchClient c = new OpenSearchClient(settings)) {
            return new OpenSearchIndexer(c, NO_EMBEDDER).ensure(TestCatalogs.music(), index, Bm25Config.music(), false,
                    ProgressListener.NONE, CancellationToken.none());
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Every index whose name is the given one or starts with "name-". */
    private static List<String> indexesNamed(String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : shared.get("/_cat/indices?format=json")) {
            String index = row.path("index").asText();
            if (index.equals(name) || index.startsWith(name + "-")) {
                out.add(index);
            }
        }
        return out;
    }

    /** A loopback HTTP server answering every request with the given handler's status and body. */
    private static HttpServer fake(java.util.function.IntFunction<Map.Entry<Integer, String>> answer,
                                   AtomicInteger requests, List<String> authorizations) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = requests.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            Map.Entry<Integer, String> a = answer.apply(n);
            byte[] body = a.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.getKey(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        FAKES.add(server);
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void anUnreachableClusterIsToldQuickly() throws IOException {
        OpenSearchSettings settings = new OpenSearchSettings("http://127.0.0.1:" + closedPort(), "x", "", "");
        Throwable e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> thrown(() -> OpenSearchBackend.open(settings, NO_EMBEDDER)));
        assertOneLine(e).hasMessageContaining("cannot reach OpenSearch").hasMessageContaining(settings.url());
        assertOneLine(thrown(() -> OpenSearchBackend.problem(settings))).as("indexing would not help")
                .hasMessageContaining("cannot reach OpenSearch");
    }

    @Test
    void aClusterThatNeverAnswersTimesOut() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            OpenSearchSettings settings = new OpenSearchSettings("http://127.0.0.1:" + silent.getLocalPort(), "x", "",
                    "").withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
            Throwable e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> thrown(() -> OpenSearchBackend.open(settings, NO_EMBEDDER)), "a hang guard, not a speed test");
            assertOneLine(e).hasMessageContaining("did not answer within 1 s").hasMessageContaining(settings.url());
            assertThat(held).as("the request did reach the socket").isNotEmpty();
            silent.close();
            acceptor.join(5_000);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aMissingIndexSaysHowToBuildIt() {
        OpenSearchSettings settings = shared.settings().withIndex("err-missing");
        assertOneLine(thrown(() -> OpenSearchBackend.open(settings, NO_EMBEDDER)))
                .hasMessageContaining("no index 'err-missing'").hasMessageContaining("ltrr index")
                .hasMessageContaining("--opensearch-index err-missing");
        assertThat(OpenSearchBackend.problem(settings)).hasValueSatisfying(p ->
                assertThat(p).contains("no index 'err-missing'").doesNotContain("\n"));
    }

    @Test
    void anIndexSomeoneElseWroteIsRefusedAndLeftAlone() {
        shared.send("PUT", "/err-foreign", "{\"mappings\": {\"properties\": {\"title\": {\"type\": \"keyword\"}}}}");
        shared.send("PUT", "/err-foreign/_doc/1?refresh=true", "{\"title\": \"theirs\"}");
        OpenSearchSettings settings = shared.settings().withIndex("err-foreign");

        assertOneLine(thrown(() -> OpenSearchBackend.open(settings, NO_EMBEDDER)))
                .hasMessageContaining("was not written by the workbench").hasMessageContaining("--opensearch-index");
        assertOneLine(thrown(() -> ensure(settings, IndexSettings.music().withEmbeddings(false))))
                .hasMessageContaining("was not written by the workbench");
        assertOneLine(thrown(() -> OpenSearchBackend.problem(settings))).as("indexing would not help")
                .hasMessageContaining("was not written by the workbench");

        assertThat(indexesNamed("err-foreign")).containsExactly("err-foreign");
        assertThat(shared.getIfExists("/_alias/err-foreign")).as("no alias was put on it").isEmpty();
        assertThat(shared.get("/err-foreign/_count").path("count").asInt()).isEqualTo(1);
        JsonNode mapping = shared.get("/err-foreign/_mapping").path("err-foreign").path("mappings");
        assertThat(mapping.has("_meta")).isFalse();
        assertThat(mapping.path("properties").path("title").path("type").asText()).isEqualTo("keyword");
        assertThat(shared.get("/err-foreign/_doc/1").path("_source").path("title").asText()).isEqualTo("theirs");
    }

    @Test
    void aMappingOfTheWrongShapeIsToldAndRebuildingFixesIt() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(OpenSearchMapping.META_FINGERPRINT, "not-this-catalog");
        meta.put(OpenSearchMapping.META_VERSION, Integer.toString(OpenSearchMapping.VERSION));
        meta.put(OpenSearchMapping.META_ANALYZER, AnalyzerKind.FOLDING.key());
        meta.put(OpenSearchMapping.META_EMBEDDING_MODEL, "");
        meta.put(OpenSearchMapping.META_ITEMS, "0");
        ObjectNode body = OpenSearchMapping.body(AnalyzerKind.FOLDING, Bm25Config.music(), 0, 1, meta);
        ((ObjectNode) body.path("mappings").path("properties")).putObject(IndexFields.TITLE).put("type", "keyword");
        shared.send("PUT", "/err-mismatch", body);
        OpenSearchSettings settings = shared.settings().withIndex("err-mismatch");

        assertOneLine(thrown(() -> OpenSearchBackend.open(settings, NO_EMBEDDER)))
                .hasMessageContaining("does not match").hasMessageContaining("'" + IndexFields.TITLE + "' is keyword")
                .hasMessageContaining("ltrr index --force");
        assertThat(OpenSearchBackend.problem(settings)).hasValueSatisfying(p -> assertThat(p).contains("does not match"));

        OpenSearchIndexer.Ensured rebuilt = ensure(settings, IndexSettings.music().withEmbeddings(false));
        assertThat(rebuilt.rebuilt()).isTrue();
        assertThat(OpenSearchBackend.problem(settings)).isEmpty();
        assertThat(indexesNamed("err-mismatch")).singleElement().asString().startsWith("err-mismatch-");
    }

    @Test
    void aClusterWithoutKnnIsIndexedWithoutVectorsAndOffersNoDenseArm() {
        try (OpenSearchTestServer plain = OpenSearchTestServer.startWithoutKnn()) {
            OpenSearchSettings settings = new OpenSearchSettings(plain.url(), "err-noknn", "", "");
            OpenSearchIndexer.Ensured e = ensure(settings, IndexSettings.music());
            assertThat(e.rebuilt()).isTrue();
            assertThat(e.reason()).contains("no k-NN plugin").doesNotContain("\n");
            assertThat(e.stats().hasVectors()).isFalse();
            assertThat(e.stats().items()).isEqualTo(TestCatalogs.music().size());
            try (OpenSearchBackend backend = OpenSearchBackend.open(settings, NO_EMBEDDER)) {
                assertThat(backend.hasVectors()).isFalse();
                assertThat(backend.embedder()).isEmpty();
                assertThat(backend.arms(ArmSettings.music(), CatalogTagger.build(TestCatalogs.music()), null, null))
                        .containsKeys("bm25", "bm25-pop", "structured", "explore").doesNotContainKey("dense");
            }
            assertThat(ensure(settings, IndexSettings.music()).reason()).isEqualTo(
                    "up to date; the cluster has no k-NN plugin: indexed without vectors, so the dense arm is "
                            + "unavailable");
        }
    }

    @Test
    void bulkRequestsRefusedForLoadAreRetriedUntilTheyPass() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = fake(n -> n <= 2 ? Map.entry(429, "{\"error\": \"too many requests\", \"status\": 429}")
                : Map.entry(200, "{\"errors\": false, \"items\": []}"), requests, new CopyOnWriteArrayList<>());
        try (OpenSearchClient client = new OpenSearchClient(new OpenSearchSettings(url(server), "x", "", ""))) {
            JsonNode answer = client.bulk("{\"index\": {\"_index\": \"x\", \"_id\": \"1\"}}\n{}\n");
            assertThat(answer.path("errors").asBoolean(true)).isFalse();
        }
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void bulkRequestsAlwaysRefusedForLoadAreGivenUpInOneLine() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = fake(n -> Map.entry(429, "{\"error\": \"too many requests\", \"status\": 429}"), requests,
                new CopyOnWriteArrayList<>());
        try (OpenSearchClient client = new OpenSearchClient(new OpenSearchSettings(url(server), "x", "", ""))) {
            Throwable e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> thrown(() -> client.bulk("{}\n")));
            assertOneLine(e).hasMessageContaining("kept refusing").hasMessageContaining("HTTP 429")
                    .hasMessageContaining(OpenSearchClient.ATTEMPTS + " attempts");
        }
        assertThat(requests.get()).isEqualTo(OpenSearchClient.ATTEMPTS);
    }

    @Test
    void refusedCredentialsAreToldWithoutThePassword() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = fake(n -> Map.entry(401, "{\"error\": {\"type\": \"security_exception\", \"reason\": "
                + "\"authentication failed\"}, \"status\": 401}"), requests, authorizations);
        OpenSearchSettings settings = new OpenSearchSettings(url(server), "x", "alice", PASSWORD);

        Throwable e = thrown(() -> OpenSearchBackend.open(settings, NO_EMBEDDER));

        String basic = Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String passwordOnly = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).as("the credentials were sent").contains("Basic " + basic);
        assertOneLine(e).hasMessageContaining("refused the credentials").hasMessageContaining("HTTP 401");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD).doesNotContain(basic)
                    .doesNotContain(passwordOnly);
        }
        assertThat(settings.toString()).contains("alice").doesNotContain(PASSWORD).doesNotContain(basic);
        assertThat(settings.where()).doesNotContain(PASSWORD);
    }

    @Test
    void aChoiceWithAPasswordFileNeverShowsThePassword() throws IOException {
        Path file = Files.writeString(dir.resolve("pw.txt"), PASSWORD + "\nignored\n");
        BackendChoice choice = BackendChoice.opensearch("http://127.0.0.1:9", "x", "alice", file);
        assertThat(choice.password()).isEqualTo(PASSWORD);
        assertThat(choice.toString()).contains("alice").doesNotContain(PASSWORD);
        assertThat(choice.describe()).doesNotContain(PASSWORD);
        assertThat(Backends.settings(choice, null).toString()).contains("password=(set)").doesNotContain(PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://alice:s3cret-pw@127.0.0.1:9200", "https://alice:s3cret-pw@search.example.org",
            "http://alice:s3cret-pw@127.0.0.1:9200/some/path", "http://alice:s3cret-pw@my_host:9200"})
    void aUrlWithCredentialsIsRefusedWithoutEchoingThePassword(String url) {
        assertThatThrownBy(() -> new OpenSearchSettings(url, "x", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--opensearch-url")
                .hasMessageNotContaining(PASSWORD)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** A password-free URL is still accepted, so the refusal above is about the credentials. */
    @Test
    void aPlainUrlIsAccepted() {
        assertThat(new OpenSearchSettings("http://127.0.0.1:9200", "x", "alice", PASSWORD).url())
                .isEqualTo("http://127.0.0.1:9200");
    }
}
