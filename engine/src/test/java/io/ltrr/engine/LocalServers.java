package io.ltrr.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

/**
 * What the test harnesses that start real servers (OpenSearch, PostgreSQL) share: both refuse to run as root, so
 * when the tests run as root the server runs as {@value #UNPRIVILEGED_USER} from a folder that user can reach, on a
 * free loopback port.
 */
public final class LocalServers {
    /** The user a server runs as when the tests run as root. */
    public static final String UNPRIVILEGED_USER = "nobody";

    private LocalServers() {
    }

    /** The unprivileged user must reach this folder: it and every parent need others' search permission. */
    public static void ensureTraversable(Path folder) throws IOException {
        for (Path dir = folder.toRealPath(); dir != null; dir = dir.getParent()) {
            if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("User " + UNPRIVILEGED_USER + " cannot traverse " + dir
                        + "; the test server's folder and its programs must be reachable by everyone");
            }
        }
    }

    public static boolean runningAsRoot() throws IOException {
        return "root".equals(System.getProperty("user.name")) || run("id", "-u").equals("0");
    }

    /** The primary group of {@value #UNPRIVILEGED_USER} (nogroup on Debian, nobody elsewhere). */
    public static String unprivilegedGroup() throws IOException {
        return run("id", "-gn", UNPRIVILEGED_USER);
    }

    /** Runs a short command and returns its trimmed output; a non-zero exit is an error. */
    public static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream in = process.getInputStream()) {
            String output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    /** A loopback port free now (the caller retries once when a server loses it before binding). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
