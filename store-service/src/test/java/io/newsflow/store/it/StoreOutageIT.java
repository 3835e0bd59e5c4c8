package io.newsflow.store.it;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.localstack.KafkaBroker;
import io.newsflow.localstack.LocalPostgres;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.newsflow.localstack.quarkus.PostgresResource;
import io.newsflow.store.StoreTestClient;
import io.newsflow.store.TestArticles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;

import static io.newsflow.store.StoreTestClient.metric;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Infrastructure faults against the real broker and database: stopping PostgreSQL or Kafka makes the service unready,
 * and a database outage delays messages without losing or dead-lettering them.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreOutageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String GROUP = "store-service";

    @Test
    @Order(1)
    void databaseOutageMakesTheServiceUnreadyAndLosesNothing() {
        LocalPostgres postgres = PostgresResource.postgres();
        assertThat(postgres.jdbcUrl()).as("the test must stop the database the service uses")
                .isEqualTo(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        EnrichedArticle article = TestArticles.article("outage.test").title("Written during an outage").build();
        double retriesBefore = metric("newsflow_store_database_retries_total", "");
        TopicPartition partition;
        long offset;
        try {
            postgres.stop();
            await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("DOWN")));
            given().get("/q/health/live").then().statusCode(200);
            given().get("/api/articles/" + article.id()).then().statusCode(503).body("status", equalTo(503));

            RecordMetadata sent = StoreTestClient.produce(article);
            partition = new TopicPartition(sent.topic(), sent.partition());
            offset = sent.offset();

            // The consumer has the message and keeps retrying it (several backoff rounds), not dead-lettering it.
            await().atMost(PATIENCE).until(() ->
                    metric("newsflow_store_database_retries_total", "") >= retriesBefore + 3);
            given().get("/q/health/ready").then().statusCode(503);
            // Nothing is committed past a message whose transaction has not committed.
            assertThat(StoreTestClient.committedOffset(GROUP, partition)).isLessThanOrEqualTo(offset);
        } finally {
            postgres.restart();
        }

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/articles/" + article.id()).then()
                .statusCode(200).body("title", equalTo("Written during an outage")));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        assertThat(StoreTestClient.deadLetters()).noneMatch(r -> article.id().equals(r.key()));
        // Once stored, the offset moves past the message: it will not be redelivered.
        await().atMost(PATIENCE).until(() -> StoreTestClient.committedOffset(GROUP, partition) > offset);
    }

    @Test
    @Order(2)
    void kafkaOutageMakesTheServiceUnready() {
        KafkaBroker broker = KafkaBrokerResource.broker();
        assertThat(broker.bootstrapServers()).as("the test must stop the broker the service uses")
                .isEqualTo(StoreTestClient.bootstrapServers());
        try {
            broker.stop();
            await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.status",
                            equalTo("DOWN")));
        } finally {
            broker.restart();
        }
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.status", hasItem("UP")));

        // And the consumer works again after the broker is back.
        EnrichedArticle article = TestArticles.article("after-broker-restart.test").build();
        StoreTestClient.produce(article);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/articles/" + article.id()).then()
                .statusCode(200));
    }
}
