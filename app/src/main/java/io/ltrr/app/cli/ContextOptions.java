package io.ltrr.app.cli;

import io.ltrr.engine.context.Device;
import io.ltrr.engine.context.SearchContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Who searches, how and when: the context options of a search. */
public final class ContextOptions {
    @Option(names = "--user", defaultValue = "cli", description = "User id (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--device", defaultValue = "screen", description = "screen or voice (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--time", paramLabel = "YYYY-MM-DDTHH:MM", description = "Local time of the search (default: now).")
    String time;

    @Option(names = "--profile", paramLabel = "STYLES", description = "Preferred styles, comma-separated (e.g. 'Trip Hop,Ambient').")
    String profile;

    public SearchContext context() {
        LocalDateTime at;
        try {
            at = time == null ? LocalDateTime.now() : LocalDateTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--time: expected YYYY-MM-DDTHH:MM, was '" + time + "'");
        }
        List<String> styles = profile == null ? List.of()
                : Arrays.stream(profile.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new SearchContext(user, Device.fromKey(device), at, Locale.getDefault(), styles);
    }
}
