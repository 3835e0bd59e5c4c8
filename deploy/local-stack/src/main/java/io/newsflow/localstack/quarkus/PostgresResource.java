package io.newsflow.localstack.quarkus;

import io.newsflow.localstack.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: a real PostgreSQL, started once per test JVM and shared by every test class. Sets the
 * default datasource's URL and credentials.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres postgres;

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            postgres = LocalPostgres.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "postgres-test-shutdown"));
        }
        return postgres;
    }

    @Override
    public Map<String, String> start() {
        LocalPostgres db = postgres();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // Kept for the next test class in this JVM; stopped by the shutdown hook.
    }
}
