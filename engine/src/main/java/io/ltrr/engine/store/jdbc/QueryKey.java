package io.ltrr.engine.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The key of a query text (migration V8): the MD5 of its UTF-8 bytes as 32 lower-case hex digits, the value the
 * databases compute into the {@code ..._key} columns (H2: {@code RAWTOHEX(HASH('MD5', text))}, PostgreSQL:
 * {@code md5(text)} in its UTF8 database). Keys and indexes hold it instead of the text, which can be larger than
 * a PostgreSQL b-tree entry; a lookup compares the key, so it uses the index, and then the text, so it is exact.
 */
final class QueryKey {
    private QueryKey() {
    }

    /** The key of a text, as the database computes it. */
    static String of(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /**
     * Binds a text where a statement says {@code <column>_key = ? AND <column> = ?}: its key at {@code index}, the
     * text itself at {@code index + 1}.
     */
    static void bind(PreparedStatement ps, int index, String text) throws SQLException {
        ps.setString(index, of(text));
        ps.setString(index + 1, text);
    }
}
