package io.newsflow.store.persistence;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a database outage (wait and retry) from data PostgreSQL will never accept (dead-letter the message). When in
 * doubt it says "retry": a stalled consumer is visible and recoverable, a dead-lettered stream is not.
 */
public final class DatabaseFailures {

    /**
     * SQLSTATE classes that depend on the row, not on the server: 22 data exception (bad encoding, out-of-range value),
     * 23 integrity constraint violation, 54 program limit exceeded (e.g. a tsvector too large).
     */
    private static final Set<String> PERMANENT_CLASSES = Set.of("22", "23", "54");

    private DatabaseFailures() {
    }

    /** True when retrying the same statement with the same data cannot succeed. */
    public static boolean isPermanent(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && state.length() >= 2 && PERMANENT_CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
            }
        }
        return false;
    }
}
