package io.ltrr.engine.ope.banditlog;

/** Thrown by a format's row parser for a row that is left out; its message is the reason. */
final class RowException extends Exception {
    RowException(String reason) {
        super(reason, null, false, false);
    }
}
