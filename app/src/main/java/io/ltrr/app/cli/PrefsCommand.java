package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.prefs.PreferenceStatement;
import io.ltrr.engine.prefs.ProfileUpdate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ltrr prefs USER "I like jazz"} states a preference; {@code ltrr prefs USER --show} prints the profile.
 * The user's next search uses it.
 */
@Command(name = "prefs", mixinStandardHelpOptions = true,
        description = "State a preference (\"I like jazz\", \"more trip hop\", \"less ambient\") or show a profile.")
final class PrefsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "USER", description = "The user id (as given to search --user).")
    String user;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "What the user says they like or not.")
    String text;

    @Option(names = "--show", description = "Print the user's profile (styles with weights in [-1, 1]).")
    boolean show;

    @Override
    public Integer call() {
        if ((text == null) == !show) {
            throw new IllegalArgumentException("give either TEXT (a preference to state) or --show");
        }
        try (Workbench wb = Workbench.open(WorkbenchConfig.defaults(common.dataDir()))) {
            if (show) {
                print(wb.profile(user), List.of());
            } else {
                ProfileUpdate u = wb.statePreference(user, text);
                print(u.profile(), u.statements());
            }
        }
        return 0;
    }

    private void print(Map<String, Double> profile, List<PreferenceStatement> statements) {
        if (common.json()) {
            Json.print(System.out, new PrefsJson(user, text, text == null ? null
                    : statements.stream().map(s -> new StatementJson(s.style(), s.delta(), s.cue())).toList(),
                    profile));
            return;
        }
        for (PreferenceStatement s : statements) {
            System.out.printf(Locale.ROOT, "read: %s %+.2f (%s)%n", s.style(), s.delta(), s.cue());
        }
        if (profile.isEmpty()) {
            System.out.println("profile of " + user + ": empty");
        } else {
            System.out.println("profile of " + user + ":");
            profile.forEach((style, w) -> System.out.printf(Locale.ROOT, "  %-30s %+.2f%n", style, w));
        }
    }

    /** The JSON form of a profile; with a stated preference, its text and what was read from it first. */
    record PrefsJson(String user, @JsonInclude(Include.NON_NULL) String text,
                     @JsonInclude(Include.NON_NULL) List<StatementJson> statements, Map<String, Double> profile) {
    }

    /** One style the statement moved, and the words that said so. */
    record StatementJson(String style, double delta, String cue) {
    }
}
