package io.ltrr.engine.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.h2.api.ErrorCode;

/**
 * The few places where the store's SQL or its error reports differ between the databases it runs on. Everything
 * else (the tables, the queries, FETCH FIRST, booleans, COALESCE) is the same text on both. H2's statements here
 * are the ones the store has always sent.
 */
enum Dialect {
    /** The embedded file database of a data folder. */
    H2("SELECT NEXT VALUE FOR ", "", ChronoUnit.NANOS),
    /** A shared PostgreSQL server (15 or newer). */
    POSTGRESQL("SELECT nextval('", "')", ChronoUnit.MICROS);

    /** PostgreSQL's SQLSTATE of a unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's SQLSTATE of a foreign-key violation (the store's writes can only meet a missing parent). */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final String nextValuePrefix;
    private final String nextValueSuffix;
    private final ChronoUnit timePrecision;

    Dialect(String nextValuePrefix, String nextValueSuffix, ChronoUnit timePrecision) {
        this.nextValuePrefix = nextValuePrefix;
        this.nextValueSuffix = nextValueSuffix;
        this.timePrecision = timePrecision;
    }

    /** The next value of one of the schema's sequences (named by a literal at every call site, never input). */
    long nextValue(Connection connection, String sequence) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(nextValuePrefix + sequence + nextValueSuffix);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A time as the database keeps it: H2 keeps nanoseconds; PostgreSQL keeps microseconds and would round the
     * rest, which can move a time past a later one, so it is truncated here instead.
     */
    Instant stored(Instant at) {
        return timePrecision == ChronoUnit.NANOS ? at : at.truncatedTo(timePrecision);
    }

    /** Statements that may fail with an SQL error. */
    @FunctionalInterface
    interface Statements<T> {
        T run() throws SQLException;
    }

    /**
     * Runs statements whose failure the caller reports and may survive: H2 undoes only the failed statement and
     * the transaction goes on; PostgreSQL would abort the whole transaction, so there they run under a savepoint
     * that is rolled back on failure, and the enclosing transaction stays usable as on H2.
     */
    <T> T recoverable(Connection connection, Statements<T> work) throws SQLException {
        if (this == H2) {
            return work.run();
        }
        Savepoint savepoint = connection.setSavepoint();
        T result;
        try {
            result = work.run();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        connection.releaseSavepoint(savepoint);
        return result;
    }

    /** One of the statements that differ: the H2 text or the PostgreSQL one. */
    String pick(String h2, String postgresql) {
        return this == H2 ? h2 : postgresql;
    }

    /** Whether the error is a unique or primary key that already holds the value. */
    boolean isDuplicateKey(SQLException e) {
        return this == H2 ? e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1 : UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /** Whether the error is a foreign key whose referenced row does not exist. */
    boolean isMissingParent(SQLException e) {
        return this == H2 ? e.getErrorCode() == ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1
                : FOREIGN_KEY_VIOLATION.equals(e.getSQLState());
    }
}
