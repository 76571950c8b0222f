package io.ltrr.engine.io;

import java.util.ArrayList;
import java.util.List;

/** The problems found in one file, in the order they were found, each naming the file, its line and the reason. */
public final class LoadProblems {
    private final String file;
    private final List<LoadProblem> problems = new ArrayList<>();

    /** @param file the file as problems name it (usually its path) */
    public LoadProblems(String file) {
        this.file = file;
    }

    /** Records that line {@code line} (1-based) could not be loaded, and why. */
    public void add(long line, String reason) {
        problems.add(new LoadProblem(file, line, reason));
    }

    /** The problems so far (a copy). */
    public List<LoadProblem> list() {
        return List.copyOf(problems);
    }
}
