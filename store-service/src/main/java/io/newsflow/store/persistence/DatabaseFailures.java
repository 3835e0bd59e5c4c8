package io.newsflow.store.persistence;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a database outage (wait and retry until it is back) from data PostgreSQL will never accept (dead-letter the
 * message at once), and both from everything else (retry a few times, see {@link DatabaseRetry}). When in doubt it
 * says "retry": a stalled consumer is visible and recoverable, a dead-lettered stream is not.
 */
public final class DatabaseFailures {

    /**
     * SQLSTATE classes that depend on the rows, not on the server: 21 cardinality violation (one INSERT … ON CONFLICT
     * DO UPDATE touching a row twice), 22 data exception (bad encoding, out-of-range value), 23 integrity constraint
     * violation, 54 program limit exceeded (e.g. a tsvector too large).
     */
    private static final Set<String> PERMANENT_CLASSES = Set.of("21", "22", "23", "54");
    /** SQLSTATE classes of an unreachable or overloaded server: 08 connection exception, 53 insufficient resources. */
    private static final Set<String> OUTAGE_CLASSES = Set.of("08", "53");
    /** Server shutting down, crashed, or still starting (class 57 also holds query cancellations, which are not). */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03");

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

    /**
     * True when the database could not be reached or is not serving (connection refused or lost, server starting or
     * shutting down, pool timeout without SQLState): waiting longer fixes it, however long it takes.
     */
    public static boolean isOutage(SQLException failure) {
        String state = failure.getSQLState();
        if (state == null) {
            return true; // the pool's acquisition timeout and other client-side failures to get a connection
        }
        return state.length() >= 2 && OUTAGE_CLASSES.contains(state.substring(0, 2)) || OUTAGE_STATES.contains(state);
    }
}
