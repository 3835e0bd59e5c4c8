package io.newsflow.localstack.quarkus;

import io.newsflow.localstack.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: a real Kafka broker, started once per test JVM and shared by every test class (a broker
 * start costs seconds; topics and consumer groups keep tests apart). Sets {@code kafka.bootstrap.servers}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    /** The shared broker, started on first use; also for tests that produce or consume with plain clients. */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = KafkaBroker.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-test-broker-shutdown"));
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // Kept for the next test class in this JVM; stopped by the shutdown hook.
    }
}
