package io.ltrr.engine.ope.banditlog;

import io.ltrr.engine.store.LoggedRound;
import java.util.List;

/**
 * A logged-bandit file read for off-policy evaluation.
 *
 * @param format    the file's format
 * @param rounds    one round per valid row, in file order: one chosen action with its reward, every action of
 *                  the file (or of the row, when the format lists them) offered
 * @param actions   every action of the file, in a stable order
 * @param malformed the rows left out, in file order
 */
public record BanditLog(BanditLogFormat format, List<LoggedRound> rounds, List<String> actions,
                        List<MalformedLine> malformed) {
    public BanditLog {
        rounds = List.copyOf(rounds);
        actions = List.copyOf(actions);
        malformed = List.copyOf(malformed);
    }
}
