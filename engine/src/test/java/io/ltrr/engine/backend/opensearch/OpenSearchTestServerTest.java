package io.ltrr.engine.backend.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test harness starts a real OpenSearch node that the backend's tests can rely on. */
class OpenSearchTestServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void sharedServerIsAHealthyUnprivilegedNodeWithKnnAndEnglishAnalysis() throws Exception {
    OpenSearchTestServer server = OpenSearchTestServer.shared();
    System.out.println("Shared OpenSearch test server at " + server.url() + " started in "
        + server.startupTime().toMillis() + " ms");

    assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
    assertThat(get(server, "/_cluster/health").path("status").asText()).isIn("green", "yellow");
    assertThat(pluginNames(server)).contains("opensearch-knn");

    JsonNode analyzed = send(server, "POST", "/_analyze", "{\"analyzer\":\"english\",\"text\":\"Running dogs\"}");
    assertThat(analyzed.path("tokens").findValuesAsText("token")).containsExactly("run", "dog");

    long pid = get(server, "/_nodes/_local/process").path("nodes").elements().next().path("process").path("id")
        .asLong();
    long serverUid = realUid(Path.of("/proc", Long.toString(pid), "status"));
    long ownUid = realUid(Path.of("/proc/self/status"));
    if (ownUid == 0) {
      assertThat(serverUid).as("uid of the OpenSearch process %d", pid).isNotZero();
    } else {
      assertThat(serverUid).as("uid of the OpenSearch process %d", pid).isEqualTo(ownUid);
    }
  }

  @Test
  void sharedServerAnswersALuceneKnnQuery() throws Exception {
    OpenSearchTestServer server = OpenSearchTestServer.shared();
    send(server, "PUT", "/harness-knn", """
        {"settings": {"index.knn": true, "number_of_shards": 1, "number_of_replicas": 0},
         "mappings": {"properties": {"vec": {"type": "knn_vector", "dimension": 2,
           "method": {"name": "hnsw", "engine": "lucene", "space_type": "l2"}}}}}""");
    send(server, "PUT", "/harness-knn/_doc/east?refresh=true", "{\"vec\": [1.0, 0.0]}");
    send(server, "PUT", "/harness-knn/_doc/north?refresh=true", "{\"vec\": [0.0, 1.0]}");

    JsonNode result = send(server, "POST", "/harness-knn/_search",
        "{\"size\": 2, \"query\": {\"knn\": {\"vec\": {\"vector\": [0.1, 0.9], \"k\": 2}}}}");

    assertThat(result.path("hits").path("hits").findValuesAsText("_id")).containsExactly("north", "east");
    send(server, "DELETE", "/harness-knn", null);
  }

  @Test
  void serverWithoutKnnLacksThePluginAndLeavesNothingBehindWhenClosed() throws Exception {
    OpenSearchTestServer server = OpenSearchTestServer.startWithoutKnn();
    Path folder = server.folder();
    int port = server.port();
    try {
      assertThat(Files.isDirectory(folder)).isTrue();
      assertThat(pluginNames(server)).doesNotContain("opensearch-knn");
    } finally {
      server.close();
    }

    assertThat(folder).doesNotExist();
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      }
    }).isInstanceOf(IOException.class);
  }

  private static List<String> pluginNames(OpenSearchTestServer server) throws IOException, InterruptedException {
    List<String> names = new ArrayList<>();
    get(server, "/_cat/plugins?format=json").forEach(row -> names.add(row.path("component").asText()));
    return names;
  }

  private static long realUid(Path status) throws IOException {
    String uidLine = Files.readAllLines(status).stream().filter(line -> line.startsWith("Uid:")).findFirst()
        .orElseThrow(() -> new IOException("No Uid line in " + status));
    return Long.parseLong(uidLine.split("\\s+")[1]);
  }

  private static JsonNode get(OpenSearchTestServer server, String path) throws IOException, InterruptedException {
    return send(server, "GET", path, null);
  }

  private static JsonNode send(OpenSearchTestServer server, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isBetween(200, 299);
    return JSON.readTree(response.body());
  }
}
