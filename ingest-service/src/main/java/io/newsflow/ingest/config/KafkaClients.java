package io.newsflow.ingest.config;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings for the plain Kafka clients ingest uses besides its channels (state topics, readiness, topic creation),
 * taken from the same {@code kafka.*} configuration as the channels so bootstrap servers and security agree.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> config;
    private Admin admin;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> defaultKafkaConfig) {
        Set<String> known = new java.util.HashSet<>(ConsumerConfig.configNames());
        known.addAll(ProducerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        Map<String, Object> filtered = new HashMap<>();
        // Only settings the clients know (the map also holds connector and Dev Services keys).
        defaultKafkaConfig.forEach((key, value) -> {
            if (known.contains(key)) {
                filtered.put(key, value);
            }
        });
        this.config = Map.copyOf(filtered);
    }

    /** Settings common to producers, consumers and the admin client: bootstrap servers, security, timeouts. */
    public Map<String, Object> common() {
        Map<String, Object> common = new HashMap<>();
        config.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                common.put(key, value);
            }
        });
        return common;
    }

    /**
     * The shared admin client, created on first use: creating it needs resolvable bootstrap servers, which a
     * starting cluster may not have yet.
     */
    public synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> adminConfig = common();
            adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-admin");
            adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @PreDestroy
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
