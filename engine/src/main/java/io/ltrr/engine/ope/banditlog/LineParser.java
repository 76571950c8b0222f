package io.ltrr.engine.ope.banditlog;

import java.util.List;

/** Turns the lines of one file, after its header if it has one, into decisions. */
interface LineParser {
    /** Parses one non-blank line. */
    Decision parse(long line, String text) throws RowException;

    /** Actions the file declares beyond those its rows name (none by default). */
    default List<String> declaredActions() {
        return List.of();
    }
}
