package io.ltrr.engine.backend.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.retrieval.BackendException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.Request;
import org.opensearch.client.RequestOptions;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;

/**
 * The workbench's connection to one OpenSearch cluster, over the official low-level REST client: JSON in, JSON
 * out, a timeout on every request, and every failure turned into a {@link BackendException} with one line that
 * says what happened and what to do (never the password). Bulk requests are retried with back-off on 429 and 5xx.
 * Thread-safe (the REST client is); close when done.
 */
public final class OpenSearchClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Attempts of a request the cluster refused for load (429) or a passing failure (502, 503, 504). */
    static final int ATTEMPTS = 6;

    private final OpenSearchSettings settings;
    private final RestClient rest;
    private final RequestOptions bulkOptions;

    public OpenSearchClient(OpenSearchSettings settings) {
        this.settings = settings;
        HttpHost host;
        try {
            host = HttpHost.create(settings.url());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--opensearch-url: not a URL (expected http://host:9200)");
        }
        var builder = RestClient.builder(host)
                // A request goes out as two writes (headers, then a Content-Length body): without TCP_NODELAY the
                // body waits for the server's delayed ACK, 40 ms on Linux (every dense query, whose vector makes a
                // large body). HttpCore 5.4 skipped this option on client connections (the parent pom pins 5.4.4).
                .setChunkedEnabled(false)
                .setHttpClientConfigCallback(b -> b.setIOReactorConfig(
                        org.apache.hc.core5.reactor.IOReactorConfig.custom().setTcpNoDelay(true).build()))
                .setRequestConfigCallback(b -> b
                        .setExpectContinueEnabled(false)
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                        .setResponseTimeout(Timeout.of(settings.requestTimeout())));
        if (!settings.user().isEmpty()) {
            String token = Base64.getEncoder().encodeToString(
                    (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + token)});
        }
        this.rest = builder.build();
        Duration bulk = settings.requestTimeout().multipliedBy(6);
        this.bulkOptions = RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                .setResponseTimeout(Timeout.of(bulk)).build()).build();
    }

    public OpenSearchSettings settings() {
        return settings;
    }

    /** GET, POST, PUT or DELETE with an optional JSON body; the answer as JSON. */
    public JsonNode send(String method, String path, Object body) {
        return parse(perform(request(method, path, body, false)), path);
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** The answer, or empty when the resource does not exist (404). */
    public Optional<JsonNode> getIfExists(String path) {
        try {
            return Optional.of(get(path));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** Whether the index or alias exists (HEAD). */
    public boolean exists(String name) {
        try {
            Response r = perform(request("HEAD", "/" + name, null, false));
            return r.getStatusLine().getStatusCode() == 200;
        } catch (NotFound e) {
            return false;
        }
    }

    /**
     * A bulk request (NDJSON), retried with exponential back-off while the cluster answers 429, 502, 503 or 504;
     * the answer's items are checked by the caller (some may still have failed).
     */
    public JsonNode bulk(String ndjson) {
        long backoffMillis = 100;
        for (int attempt = 1; ; attempt++) {
            Request r = new Request("POST", "/_bulk");
            r.setEntity(new org.apache.hc.core5.http.io.entity.StringEntity(ndjson,
                    org.apache.hc.core5.http.ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
            r.setOptions(bulkOptions);
            try {
                return parse(perform(r), "/_bulk");
            } catch (Retryable e) {
                if (attempt >= ATTEMPTS) {
                    throw new BackendException(settings.url() + " kept refusing bulk requests (HTTP " + e.status
                            + " after " + ATTEMPTS + " attempts): the cluster is overloaded; try again later");
                }
                sleep(backoffMillis);
                backoffMillis = Math.min(5_000, backoffMillis * 2);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting to retry a request to OpenSearch");
        }
    }

    private Request request(String method, String path, Object body, boolean bulk) {
        Request r = new Request(method, path);
        if (body != null) {
            try {
                r.setJsonEntity(body instanceof String s ? s : JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write a request body: " + e.getMessage(), e);
            }
        }
        if (bulk) {
            r.setOptions(bulkOptions);
        }
        return r;
    }

    private Response perform(Request request) {
        try {
            return rest.performRequest(request);
        } catch (ResponseException e) {
            throw failure(e.getResponse(), request.getEndpoint());
        } catch (ConnectException e) {
            throw new BackendException("cannot reach OpenSearch at " + settings.url() + " (connection refused): is it "
                    + "running, and is the URL right?", e);
        } catch (UnknownHostException e) {
            throw new BackendException("cannot reach OpenSearch at " + settings.url() + " (unknown host)", e);
        } catch (SocketTimeoutException e) {
            throw timeout(e);
        } catch (SSLException e) {
            throw new BackendException("TLS to " + settings.url() + " failed (" + oneLine(e.getMessage()) + "): is "
                    + "the cluster's certificate trusted by this Java (javax.net.ssl.trustStore)?", e);
        } catch (IOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timeout")) {
                throw timeout(e);
            }
            if (cause instanceof ConnectException) {
                throw new BackendException("cannot reach OpenSearch at " + settings.url() + " (connection refused): "
                        + "is it running, and is the URL right?", e);
            }
            throw new BackendException("OpenSearch at " + settings.url() + " failed: " + oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            if (e instanceof BackendException) {
                throw e;
            }
            throw new BackendException("OpenSearch at " + settings.url() + " failed: " + oneLine(e.getMessage()), e);
        }
    }

    private BackendException timeout(Exception e) {
        return new BackendException("OpenSearch at " + settings.url() + " did not answer within "
                + settings.requestTimeout().toSeconds() + " s", e);
    }

    /** The error the cluster answered, as one line. */
    private BackendException failure(Response response, String path) {
        int status = response.getStatusLine().getStatusCode();
        String reason = "";
        String type = "";
        try {
            if (response.getEntity() != null) {
                JsonNode body = JSON.readTree(EntityUtils.toString(response.getEntity()));
                JsonNode error = body.path("error");
                JsonNode root = error.path("root_cause").path(0);
                reason = (root.isMissingNode() ? error : root).path("reason").asText("");
                type = (root.isMissingNode() ? error : root).path("type").asText("");
            }
        } catch (IOException | org.apache.hc.core5.http.ParseException | RuntimeException ignored) {
            // the status alone must do
        }
        if (status == 404) {
            return new NotFound(type.equals("index_not_found_exception")
                    ? "no index '" + settings.index() + "' at " + settings.url() + " (build it with: ltrr index "
                    + "--backend opensearch --opensearch-url " + settings.url() + ")"
                    : "OpenSearch at " + settings.url() + " has no " + path);
        }
        if (status == 401 || status == 403) {
            return new BackendException("OpenSearch at " + settings.url() + " refused the credentials (HTTP " + status
                    + "): check --opensearch-user and the password in LTRR_OPENSEARCH_PASSWORD or the password file");
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            return new Retryable(status, "OpenSearch at " + settings.url() + " is overloaded or unavailable (HTTP "
                    + status + ")");
        }
        return new BackendException("OpenSearch at " + settings.url() + " answered HTTP " + status + " to " + path
                + (reason.isEmpty() ? "" : ": " + oneLine(reason)));
    }

    private static JsonNode parse(Response response, String path) {
        try {
            if (response.getEntity() == null) {
                return JSON.createObjectNode();
            }
            return JSON.readTree(EntityUtils.toString(response.getEntity()));
        } catch (IOException | org.apache.hc.core5.http.ParseException e) {
            throw new BackendException("OpenSearch answered " + path + " with something that is not JSON", e);
        }
    }

    /** One line of at most 200 characters. */
    static String oneLine(String s) {
        String line = s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException ignored) {
            // closing a client whose connections are gone
        }
    }

    /** The resource (index, document) does not exist. */
    static final class NotFound extends BackendException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    /** A status worth retrying after a pause (429, 502, 503, 504). */
    static final class Retryable extends BackendException {
        private static final long serialVersionUID = 1L;
        final int status;

        Retryable(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
