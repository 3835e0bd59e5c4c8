package io.newsflow.enrich.it;

import io.newsflow.enrich.rules.RuleTopic;
import io.newsflow.enrich.state.CompactedTopicStore;
import io.newsflow.enrich.watch.WatchedEntity;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Watch lists and rule topics against a real broker: applied to the next enrichment without a restart, kept in
 * compacted topics that another replica reads back.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class UserDataIT {

    private static final String TEXT = "Shares in Nordlys Kraft rose on Tuesday after NK Power won the grid tender in "
            + "Tromsø, the company said. Russia threatened to send Oreshnik missiles to Venezuela.";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static io.restassured.response.ValidatableResponse enrich() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("title", "Grid tender decided", "text", TEXT, "language", "en"))
                .when().post("/api/enrich").then().statusCode(200);
    }

    @Test
    void aWatchedEntityIsFoundInTheNextArticleAndEveryReplicaSeesIt() throws Exception {
        enrich().body("entities.name", not(hasItem("Nordlys Kraft AS")));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Nordlys Kraft AS", "type", "organization", "aliases", List.of("Nordlys Kraft", "NK Power")))
                .when().post("/api/entities").then().statusCode(201)
                .body("id", equalTo("nordlys-kraft-as")).body("type", equalTo("ORGANIZATION"));
        enrich().body("entities.find { it.name == 'Nordlys Kraft AS' }.count", equalTo(2));
        given().when().get("/api/entities").then().statusCode(200).body("id", hasItem("nordlys-kraft-as"));

        // Another replica starting now reads the compacted topic and has the entry too.
        Map<String, WatchedEntity> replica = new ConcurrentHashMap<>();
        try (CompactedTopicStore<WatchedEntity> other = new CompactedTopicStore<>(bootstrapServers,
                "news.enrich.watchlist", WatchedEntity.class, WatchedEntity::id, all -> {
                    replica.clear();
                    replica.putAll(all);
                }, Duration.ofSeconds(10))) {
            other.start();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(replica).containsKey("nordlys-kraft-as"));

            given().when().delete("/api/entities/nordlys-kraft-as").then().statusCode(204);
            enrich().body("entities.name", not(hasItem("Nordlys Kraft AS")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(replica).doesNotContainKey("nordlys-kraft-as"));
        }
        given().when().delete("/api/entities/nordlys-kraft-as").then().statusCode(404);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "news.enrich.watchlist");
            assertThat(admin.describeConfigs(Set.of(topic)).all().get().get(topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void aRuleTopicTagsMatchingArticlesAndABadQueryIsRefused() {
        given().contentType(ContentType.JSON)
                .body(Map.of("label", "Missiles to Venezuela", "query", "(\"Oreshnik\" OR \"Kalibr\") AND Venezuela"))
                .when().post("/api/topics").then().statusCode(201).body("id", equalTo("missiles-to-venezuela"));
        enrich().body("topics.code", hasItem("rule:missiles-to-venezuela"));

        given().contentType(ContentType.JSON)
                .body(Map.of("id", "nb-only", "label", "Norwegian only", "query", "Venezuela", "languages", List.of("nb")))
                .when().post("/api/topics").then().statusCode(201);
        enrich().body("topics.code", not(hasItem("rule:nb-only")));

        given().contentType(ContentType.JSON).body(Map.of("label", "Broken", "query", "(Putin AND Maduro"))
                .when().post("/api/topics").then().statusCode(400).body("error", org.hamcrest.Matchers.containsString("Missing ')'"));
        given().when().get("/api/topics").then().statusCode(200).body("id", hasItem("missiles-to-venezuela"));

        given().when().delete("/api/topics/missiles-to-venezuela").then().statusCode(204);
        given().when().delete("/api/topics/nb-only").then().statusCode(204);
        enrich().body("topics.code", not(hasItem("rule:missiles-to-venezuela")));
        assertThat(RuleTopic.CODE_PREFIX).isEqualTo("rule:");
    }
}
