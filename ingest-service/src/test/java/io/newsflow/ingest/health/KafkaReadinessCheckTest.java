package io.newsflow.ingest.health;

import io.newsflow.ingest.config.KafkaClients;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaReadinessCheckTest {

    @Test
    void isDownWhenNoBrokerAnswers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        KafkaClients kafka = new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort,
                "reconnect.backoff.max.ms", "200"));
        try {
            HealthCheckResponse response = new KafkaReadinessCheck(kafka).call();

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getName()).isEqualTo("kafka-broker");
            assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsKey("error"));
        } finally {
            kafka.close();
        }
    }
}
