package io.ltrr.engine.backend.opensearch;

import static io.ltrr.engine.LocalServers.UNPRIVILEGED_USER;
import static io.ltrr.engine.LocalServers.ensureTraversable;
import static io.ltrr.engine.LocalServers.freePort;
import static io.ltrr.engine.LocalServers.run;
import static io.ltrr.engine.LocalServers.runningAsRoot;
import static io.ltrr.engine.LocalServers.unprivilegedGroup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real OpenSearch node for the backend's tests: the distribution and k-NN plugin zips that {@code mvn
 * generate-test-resources} copies into {@code target/opensearch} (or the folder named by the system property
 * {@value #DIST_PROPERTY}), unpacked into a fresh temporary folder and started as a single-node cluster on free
 * loopback ports.
 *
 * <p>OpenSearch refuses to run as root; when the test JVM is root (as in CI), the folder is handed to
 * {@code nobody} and the server is started through {@code setpriv}. The server's output goes to
 * {@value #OUTPUT_FILE} in its folder; a start-up failure throws with its last lines. {@link #close()} stops the
 * process and everything it started and deletes the folder.
 */
public final class OpenSearchTestServer implements AutoCloseable {

  /** System property naming the folder that holds {@code opensearch.zip} and {@code opensearch-knn.zip}. */
  public static final String DIST_PROPERTY = "ltrr.opensearch.dist";

  private static final String OUTPUT_FILE = "server-output.log";
  private static final String DIST_ZIP = "opensearch.zip";
  private static final String KNN_ZIP = "opensearch-knn.zip";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final int TAIL_LINES = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static OpenSearchTestServer shared;
  private static RuntimeException sharedFailure;

  private final Path folder;
  private final Process process;
  private final int port;
  private final Duration startupTime;

  private OpenSearchTestServer(Path folder, Process process, int port, Duration startupTime) {
    this.folder = folder;
    this.process = process;
    this.port = port;
    this.startupTime = startupTime;
  }

  /**
   * The test JVM's one server with the k-NN plugin, started on first use and stopped (its folder deleted) by a
   * JVM shutdown hook. Callers must not close it. A failed start is not tried again: later calls throw the same
   * error rather than wait once more.
   */
  public static synchronized OpenSearchTestServer shared() {
    if (sharedFailure != null) {
      throw sharedFailure;
    }
    if (shared == null) {
      OpenSearchTestServer server;
      try {
        server = start(true);
      } catch (RuntimeException e) {
        sharedFailure = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "opensearch-test-server-stop"));
      shared = server;
    }
    return shared;
  }

  /** A separate server without the k-NN plugin; the caller closes it. */
  public static OpenSearchTestServer startWithoutKnn() {
    return start(false);
  }

  /** The server's HTTP address, {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The server's HTTP port. */
  public int port() {
    return port;
  }

  /** The temporary folder the server runs in; {@link #close()} deletes it. */
  public Path folder() {
    return folder;
  }

  /** How long the start took, from unpacking to the first green or yellow cluster health. */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * Stops the server: SIGTERM to the process and its descendants, up to 20 s of grace, then a forced kill; then
   * deletes its folder. Calling it again does nothing more.
   */
  @Override
  public synchronized void close() {
    stop(process);
    deleteFolder(folder);
  }

  private static OpenSearchTestServer start(boolean withKnn) {
    Path dist = distributionFolder();
    try {
      return launch(dist, withKnn);
    } catch (BindFailure first) {
      // Another process took a port between our pick and the server's bind: once more with new ports.
      try {
        return launch(dist, withKnn);
      } catch (BindFailure second) {
        throw new IllegalStateException(second.getMessage(), second);
      }
    }
  }

  private static Path distributionFolder() {
    String configured = System.getProperty(DIST_PROPERTY);
    Path dist = configured != null ? Path.of(configured) : Path.of("target", "opensearch");
    for (String zip : List.of(DIST_ZIP, KNN_ZIP)) {
      if (!Files.isRegularFile(dist.resolve(zip))) {
        throw new IllegalStateException(
            "No OpenSearch test distribution at " + dist.toAbsolutePath().resolve(zip)
                + ": run `mvn generate-test-resources -pl engine` first");
      }
    }
    return dist;
  }

  private static OpenSearchTestServer launch(Path dist, boolean withKnn) throws BindFailure {
    long startNanos = System.nanoTime();
    Path folder = null;
    Process process = null;
    try {
      folder = Files.createTempDirectory("ltrr-opensearch-");
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path home = unzip(dist.resolve(DIST_ZIP), folder).resolve(firstFolderName(dist.resolve(DIST_ZIP)));
      if (withKnn) {
        unzip(dist.resolve(KNN_ZIP), home.resolve("plugins").resolve("opensearch-knn"));
      }
      makeExecutable(home.resolve("bin"));
      makeExecutable(home.resolve("jdk").resolve("bin"));
      Files.createDirectories(folder.resolve("data"));
      Files.createDirectories(folder.resolve("logs"));
      Files.createDirectories(folder.resolve("tmp"));
      boolean root = runningAsRoot();
      if (root) {
        ensureTraversable(folder.getParent());
        ensureTraversable(Path.of(System.getProperty("java.home")));
        run("chown", "-R", UNPRIVILEGED_USER + ":" + unprivilegedGroup(), folder.toString());
      }
      int port = freePort();
      int transportPort = freePort();
      ProcessBuilder builder = new ProcessBuilder(command(root, home, folder, port, transportPort))
          .directory(home.toFile())
          .redirectErrorStream(true)
          .redirectOutput(folder.resolve(OUTPUT_FILE).toFile());
      builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
      builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
      builder.environment().put("OPENSEARCH_TMPDIR", folder.resolve("tmp").toString());
      builder.environment().put("HOME", folder.toString());
      builder.environment().remove("JAVA_HOME");
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      process = builder.start();
      awaitHealthy(process, port, folder);
      return new OpenSearchTestServer(folder, process, port, Duration.ofNanos(System.nanoTime() - startNanos));
    } catch (IOException | RuntimeException | BindFailure e) {
      String tail = folder == null ? "" : outputTail(folder);
      stop(process);
      deleteFolder(folder);
      if (e instanceof BindFailure) {
        throw (BindFailure) e;
      }
      throw new IllegalStateException(
          "The OpenSearch test server did not start: " + e.getMessage() + tail, e);
    }
  }

  private static List<String> command(boolean root, Path home, Path folder, int port, int transportPort)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (root) {
      command.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_USER, "--regid=" + unprivilegedGroup(),
          "--clear-groups"));
    }
    command.add(home.resolve("bin").resolve("opensearch").toString());
    for (String setting : List.of(
        "discovery.type=single-node",
        "http.port=" + port,
        "transport.port=" + transportPort,
        "network.host=127.0.0.1",
        "path.data=" + folder.resolve("data"),
        "path.logs=" + folder.resolve("logs"),
        "cluster.routing.allocation.disk.threshold_enabled=false",
        "bootstrap.memory_lock=false")) {
      command.add("-E");
      command.add(setting);
    }
    return command;
  }

  private static void awaitHealthy(Process process, int port, Path folder) throws IOException, BindFailure {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
        .timeout(Duration.ofSeconds(5))
        .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String output = outputTail(folder);
        if (output.contains("BindException") || output.contains("Failed to bind")
            || output.contains("Address already in use")) {
          throw new BindFailure("The OpenSearch test server could not bind its ports" + output);
        }
        throw new IllegalStateException("the server exited with code " + process.exitValue());
      }
      try {
        HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          String status = JSON.readTree(response.body()).path("status").asText();
          if (status.equals("green") || status.equals("yellow")) {
            return;
          }
        }
      } catch (IOException notYetListening) {
        // The node is still starting; poll again.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the OpenSearch test server", e);
      }
      sleep(Duration.ofMillis(500));
    }
    throw new IllegalStateException("no green or yellow cluster health within " + START_TIMEOUT.toSeconds() + " s");
  }

  private static void stop(Process process) {
    if (process == null) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    process.descendants().forEach(all::add);
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    for (ProcessHandle handle : all) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        handle.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception notStoppedInTime) {
        handle.destroyForcibly();
      }
    }
    for (ProcessHandle handle : all) {
      if (handle.isAlive()) {
        handle.destroyForcibly();
        handle.onExit().join();
      }
    }
  }

  private static void deleteFolder(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete the OpenSearch test folder " + folder, e);
    }
  }

  /** Unpacks a zip into a folder (created if needed) and returns that folder. */
  private static Path unzip(Path zip, Path target) throws IOException {
    Files.createDirectories(target);
    Path root = target.toAbsolutePath().normalize();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path out = root.resolve(entry.getName()).normalize();
        if (!out.startsWith(root)) {
          throw new IOException("Zip entry outside its target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(in, out);
        }
      }
    }
    return target;
  }

  private static String firstFolderName(Path zip) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry first = in.getNextEntry();
      if (first == null) {
        throw new IOException("Empty zip " + zip);
      }
      return first.getName().split("/", 2)[0];
    }
  }

  /** Java's zip reader drops file modes: everything under a {@code bin} folder becomes executable again. */
  private static void makeExecutable(Path bin) throws IOException {
    if (!Files.isDirectory(bin)) {
      return;
    }
    Set<PosixFilePermission> executable = EnumSet.of(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    try (Stream<Path> files = Files.walk(bin)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setPosixFilePermissions(file, executable);
      }
    }
  }

  /** The last lines of the server's output, or of its log when the output is empty, for an error message. */
  private static String outputTail(Path folder) {
    try {
      List<String> lines = Files.exists(folder.resolve(OUTPUT_FILE))
          ? Files.readAllLines(folder.resolve(OUTPUT_FILE), StandardCharsets.UTF_8)
          : List.of();
      if (lines.isEmpty() && Files.isDirectory(folder.resolve("logs"))) {
        try (Stream<Path> logs = Files.list(folder.resolve("logs"))) {
          Path log = logs.filter(p -> p.toString().endsWith(".log")).findFirst().orElse(null);
          lines = log == null ? List.of() : Files.readAllLines(log, StandardCharsets.UTF_8);
        }
      }
      List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
      return tail.isEmpty() ? " (no server output)" : "; last server output:\n" + String.join("\n", tail);
    } catch (IOException | UncheckedIOException e) {
      return " (server output unreadable: " + e.getMessage() + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the OpenSearch test server", e);
    }
  }

  /** The server could not bind a port that was free when picked; the start is worth one retry. */
  private static final class BindFailure extends Exception {
    BindFailure(String message) {
      super(message);
    }
  }
}
