package io.ltrr.engine.io;

import java.util.List;
import java.util.Objects;

/**
 * What a reader of a line-oriented file (judgments, runs, queries) produced: the value built from every well-formed
 * line, and one {@link LoadProblem} (file, 1-based line number, reason) per line it skipped. Nothing is dropped
 * silently.
 *
 * @param value    what was loaded, never null (possibly empty)
 * @param problems skipped lines, in file order
 * @param <T>      the loaded value's type
 */
public record ReadResult<T>(T value, List<LoadProblem> problems) {
    public ReadResult {
        Objects.requireNonNull(value, "value");
        problems = List.copyOf(problems);
    }

    /** True when every line loaded. */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /**
     * The value, or an {@link IllegalStateException} listing the problems, for callers that treat any
     * bad line as fatal.
     */
    public T orThrow() {
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder(problems.size() + " malformed line(s):");
            problems.stream().limit(20).forEach(p -> sb.append(System.lineSeparator()).append("  ").append(p));
            if (problems.size() > 20) {
                sb.append(System.lineSeparator()).append("  … and ").append(problems.size() - 20).append(" more");
            }
            throw new IllegalStateException(sb.toString());
        }
        return value;
    }
}
