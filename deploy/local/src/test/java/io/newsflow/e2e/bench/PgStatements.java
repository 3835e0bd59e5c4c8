package io.newsflow.e2e.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Where PostgreSQL's time goes during a benchmark phase, from {@code pg_stat_statements} (the local stack preloads it):
 * reset at the start of a phase, the statements with the most execution time at its end. PostgreSQL is often the
 * largest consumer of CPU in the pipeline, and the process CPU alone does not say which query to fix.
 */
final class PgStatements {

    private PgStatements() {
    }

    /** Creates the extension's view in the connected database (once) and forgets what was counted so far. */
    static void reset(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /**
     * The {@code limit} statements with the most total execution time since {@link #reset}, one per line: total ms,
     * calls, mean ms, ms per stored article, and the statement's opening.
     */
    static String top(Connection connection, int limit, double storedArticles) throws SQLException {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "  %10s %8s %9s %12s  statement%n", "total ms", "calls", "mean ms", "ms/article"));
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT total_exec_time, calls, mean_exec_time, query"
                     + " FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT " + limit)) {
            while (rs.next()) {
                String query = rs.getString(4).replaceAll("\\s+", " ").strip();
                text.append(String.format(Locale.ROOT, "  %10.0f %8d %9.2f %12.3f  %s%n", rs.getDouble(1),
                        rs.getLong(2), rs.getDouble(3), storedArticles == 0 ? Double.NaN : rs.getDouble(1)
                                / storedArticles, query.substring(0, Math.min(110, query.length()))));
            }
        }
        return text.toString();
    }
}
