package io.newsflow.store.benchmark;

import io.newsflow.localstack.LocalPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * Where the benchmark's PostgreSQL time goes: CPU of the whole server (postmaster, its live children and the children
 * it has reaped, read from /proc, so backends that came and went count too) and per-statement execution times from
 * pg_stat_statements. Linux only; the benchmark is a harness, not a test.
 */
final class ServerCpu {

    /** USER_HZ: the unit of the CPU fields in /proc/[pid]/stat on Linux. */
    static final int TICKS_PER_SECOND = 100;

    private final DataSource dataSource;
    private final long postmaster;

    ServerCpu(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        this.postmaster = postmasterPid();
    }

    /** Loads pg_stat_statements, which needs a server restart (shared_preload_libraries). */
    static void enableStatementStatistics(LocalPostgres postgres) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password()); Statement st = c.createStatement()) {
            st.execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
        }
        postgres.restart();
        try (Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password()); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    void resetStatementStatistics() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** Prints the statements that took the most time, per article written and per call. */
    void printStatementStatistics(int articles) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT calls, total_exec_time, rows, regexp_replace(left(query, 90), '\\s+', ' ', 'g') AS query
                     FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'
                     ORDER BY total_exec_time DESC LIMIT 15""")) {
            System.out.println("PostgreSQL execution time per statement (pg_stat_statements), ms per article written "
                    + "and ms per call:");
            while (rs.next()) {
                System.out.printf("  %7.3f ms  %6d calls %9.2f ms/call %8d rows  %s%n",
                        rs.getDouble("total_exec_time") / articles, rs.getLong("calls"),
                        rs.getDouble("total_exec_time") / Math.max(1, rs.getLong("calls")), rs.getLong("rows"),
                        rs.getString("query"));
            }
        }
    }

    /** CPU ticks (user + system) the server has used so far. */
    long ticks() {
        long total = ownAndReaped(postmaster);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            total += processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        String[] stat = stat(p.resolve("stat"));
                        return stat != null && Long.parseLong(stat[1]) == postmaster
                                ? Long.parseLong(stat[11]) + Long.parseLong(stat[12]) : 0;
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long ownAndReaped(long pid) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            throw new IllegalStateException("PostgreSQL postmaster " + pid + " is gone");
        }
        // utime, stime, cutime, cstime
        return Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                + Long.parseLong(stat[14]);
    }

    /** Fields of /proc/[pid]/stat after the command name (so index 0 is the state, 1 the parent pid), or null. */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null; // the process ended meanwhile
        }
    }

    private long postmasterPid() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            String[] stat = stat(Path.of("/proc", Long.toString(rs.getLong(1)), "stat"));
            return Long.parseLong(stat[1]);
        }
    }
}
