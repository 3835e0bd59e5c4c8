package io.newsflow.enrich.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** With no broker behind kafka.bootstrap.servers the service runs but is not ready. */
@QuarkusTest
@TestProfile(KafkaDownReadinessIT.NoBroker.class)
class KafkaDownReadinessIT {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + closedPort(),
                    "newsflow.enrich.health.kafka-timeout", "PT1S");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true; // no shared broker for this app
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort(); // free now, and nothing listens on it once closed
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void notReadyWithoutABroker() {
        given().when().get("/q/health/ready").then().statusCode(503)
                .body(containsString("kafka-broker"))
                .body(containsString("DOWN"));
    }
}
