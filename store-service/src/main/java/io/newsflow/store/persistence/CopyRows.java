package io.newsflow.store.persistence;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows for one {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format, sent in one round trip. COPY skips
 * the per-statement parsing and the speculative insertion of INSERT … ON CONFLICT, which made the child rows (16 band,
 * 8 entity, 2 topic rows per article) the costliest statements after the article row itself. It runs in the caller's
 * transaction, so the rows commit or roll back with the batch; a duplicate key fails the whole COPY (SQLState 23505).
 */
final class CopyRows {

    private final String table;
    private final StringBuilder rows = new StringBuilder(16 * 1024);
    private int count;
    private boolean rowStarted;

    /** @param table the target with its column list, e.g. {@code article_band (band, article_id)} */
    CopyRows(String table) {
        this.table = table;
    }

    CopyRows add(String value) {
        separate();
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) { // the characters the text format gives a meaning
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        return this;
    }

    CopyRows add(long value) {
        separate();
        rows.append(value);
        return this;
    }

    CopyRows add(double value) {
        separate();
        rows.append(value); // Double.toString: shortest exact form, "NaN"/"Infinity" as PostgreSQL spells them
        return this;
    }

    /** A nullable number (a place's coordinate): NULL when absent. */
    CopyRows add(Double value) {
        return value == null ? add((String) null) : add(value.doubleValue());
    }

    CopyRows add(boolean value) {
        separate();
        rows.append(value ? 't' : 'f');
        return this;
    }

    void endRow() {
        rows.append('\n');
        rowStarted = false;
        count++;
    }

    int count() {
        return count;
    }

    /** Sends the rows; does nothing when there are none. */
    void copyInto(Connection connection) throws SQLException {
        if (count == 0) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        } catch (IOException e) {
            // Reading a StringReader cannot fail; the driver reports lost connections as SQLException (08006).
            throw new IllegalStateException("COPY into " + table + " failed reading its own rows", e);
        }
    }

    private void separate() {
        if (rowStarted) {
            rows.append('\t');
        }
        rowStarted = true;
    }
}
