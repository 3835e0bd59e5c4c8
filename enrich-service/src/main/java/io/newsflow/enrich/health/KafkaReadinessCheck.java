package io.newsflow.enrich.health;

import io.newsflow.enrich.config.EnrichConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ready only when the broker answers: the connector's own checks can report a consumer that never connected as
 * healthy until its first poll, so this asks the cluster directly with a short timeout.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    static final String NAME = "kafka-broker";

    private final String bootstrapServers;
    private final Duration timeout;
    private Admin admin;

    public KafkaReadinessCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               EnrichConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = config.health().kafkaTimeout();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            var cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String id = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named(NAME).up().withData("bootstrap.servers", bootstrapServers)
                    .withData("cluster.id", id).withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("bootstrap.servers", bootstrapServers)
                .withData("error", String.valueOf(reason)).build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            int ms = (int) timeout.toMillis();
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms,
                    AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(ms, 1000),
                    AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, ms,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
