package io.newsflow.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (binaries from io.zonky.test.postgres) run as a local process, with a {@value #DATABASE}
 * database. Data survives a restart when started on the same directory.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "newsflow";
    private static final String USER = "postgres";

    private final Path dataDir;
    private final int port;
    private final boolean temporary;
    private EmbeddedPostgres server;

    private LocalPostgres(Path dataDir, int port, boolean temporary) {
        this.dataDir = dataDir;
        this.port = port;
        this.temporary = temporary;
    }

    /** Starts PostgreSQL on 127.0.0.1:{@code port} (0 = a free port) with its cluster in {@code dataDir}. */
    public static LocalPostgres start(Path dataDir, int port) {
        LocalPostgres postgres = new LocalPostgres(dataDir.toAbsolutePath(), port == 0 ? Ports.free() : port, false);
        postgres.startServer();
        return postgres;
    }

    /** PostgreSQL on a free port in a temporary directory, deleted on {@link #close()}. */
    public static LocalPostgres startTemporary() {
        try {
            LocalPostgres postgres = new LocalPostgres(Files.createTempDirectory("newsflow-pg-"), Ports.free(), true);
            postgres.startServer();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    /** The local cluster trusts loopback connections; any password is accepted. */
    public String password() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    /** Stops the server (fast shutdown), keeping its data. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stop PostgreSQL on port " + port, e);
            } finally {
                server = null;
            }
        }
    }

    /** Starts the server again on the same port and data, e.g. after {@link #stop()} in a fault-injection test. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
        if (temporary) {
            Directories.deleteRecursively(dataDir);
        }
    }

    private synchronized void startServer() {
        try {
            Files.createDirectories(dataDir);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("pgdata"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", temporary ? "off" : "on")
                    // zonky's default is off (a crash may lose the last commits); the store commits a batch and then
                    // its Kafka offsets, so a lost commit would lose articles: run as production must.
                    .setServerConfig("synchronous_commit", "on")
                    // Per-statement execution times for operators and the benchmark (view created on demand with
                    // CREATE EXTENSION pg_stat_statements); zonky's binaries ship the module.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            createDatabaseIfMissing();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL in " + dataDir, e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + DATABASE, e);
        }
    }
}
