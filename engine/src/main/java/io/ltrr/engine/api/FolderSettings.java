package io.ltrr.engine.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the data folder's small settings files with credentials ({@code backend.json}, {@code store.json}) share:
 * reading one (a damaged file named with its fix), and reading a password from a file or an environment variable,
 * never from the settings themselves.
 */
final class FolderSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FolderSettings() {
    }

    /**
     * The settings in {@code file} made into a value, if the file exists.
     *
     * @param fix what to run to rewrite a damaged file, for its message
     * @throws IllegalStateException when the file is damaged or its values are refused, naming the file and the fix
     */
    static <T> Optional<T> read(Path file, Function<Map<String, String>, T> make, String fix) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Map<String, String> m = JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { });
            if (m == null) {
                throw new IllegalArgumentException("empty");
            }
            return Optional.of(make.apply(m));
        } catch (IOException | RuntimeException e) {
            String why = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalStateException(file + " is damaged or unreadable (" + why + "); " + fix);
        }
    }

    /** A remembered password file, or null for none. */
    static Path passwordFile(Map<String, String> m) {
        String pw = m.getOrDefault("password_file", "");
        return pw == null || pw.isEmpty() ? null : Path.of(pw);
    }

    /** How a password file is remembered: its absolute path, "" for none. */
    static String passwordFileEntry(Path passwordFile) {
        return passwordFile == null ? "" : passwordFile.toAbsolutePath().normalize().toString();
    }

    /**
     * The password: the first line of {@code passwordFile} when given, else the environment variable, else "".
     *
     * @param option the option that names the file, for the message when it cannot be read (naming the file only)
     */
    static String password(Path passwordFile, String environmentVariable, String option) {
        if (passwordFile != null) {
            try {
                String text = Files.readString(passwordFile);
                int end = text.indexOf('\n');
                return (end < 0 ? text : text.substring(0, end)).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException(option + ": cannot read " + passwordFile);
            }
        }
        String env = System.getenv(environmentVariable);
        return env == null ? "" : env;
    }
}
