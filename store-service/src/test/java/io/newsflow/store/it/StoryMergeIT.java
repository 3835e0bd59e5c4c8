package io.newsflow.store.it;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.Topics;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.newsflow.localstack.quarkus.PostgresResource;
import io.newsflow.store.StoreTestClient;
import io.newsflow.store.TestArticles;
import io.newsflow.store.story.StoryClusterer;
import io.newsflow.store.story.StoryEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Story merging end to end against the real broker and PostgreSQL: two reports of one event that share too little
 * to match each other are stored first, each founding its own story; a third report that matches both strongly then
 * proves them one story, and the older story absorbs the younger in the same transaction.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class StoryMergeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void anArticleThatBridgesTwoStoriesMergesThemIntoTheOlder() {
        // Entities unique to this run, so nothing else stored matches and every one is equally rare.
        var port = entity("port", "Harbour " + RUN, EntityType.LOCATION);
        var ferry = entity("ferry", "Ferry line " + RUN, EntityType.ORGANIZATION);
        var minister = entity("minister", "Minister " + RUN, EntityType.PERSON);
        var union = entity("union", "Seafarers union " + RUN, EntityType.ORGANIZATION);
        var strike = entity("strike", "Strike " + RUN, EntityType.EVENT);
        var captain = entity("captain", "Harbour master " + RUN, EntityType.PERSON);
        var court = entity("court", "Labour court " + RUN, EntityType.ORGANIZATION);

        EnrichedArticle original = TestArticles.article("merge-a-" + RUN + ".test").publishedAt(T0)
                .title("Ferry line halts crossings " + RUN)
                .text("The ferry line stopped all crossings from the harbour on Friday, the harbour master said.")
                .entities(ferry, port, captain).build();
        EnrichedArticle followUp = TestArticles.article("merge-b-" + RUN + ".test").publishedAt(T0.plusSeconds(3600))
                .title("Union and minister meet over strike " + RUN)
                .text("Union leaders met the minister in the afternoon as the strike entered its second day in court.")
                .entities(union, minister, strike, court).build();
        StoreTestClient.produce(original);
        StoreTestClient.produce(followUp);
        String older = awaitStory(original.id());
        String younger = awaitStory(followUp.id());
        assertThat(older).as("the first two share too little to be one story").isNotEqualTo(younger);
        assertThat(older).isEqualTo(StoryClusterer.STORY_PREFIX + original.id());

        // Shares all of the original's entities (score 0.60) and all of the follow-up's (0.80, its best match): it
        // joins the follow-up's story, and both stories become the original's, the oldest.
        EnrichedArticle bridge = TestArticles.article("merge-c-" + RUN + ".test").publishedAt(T0.plusSeconds(7200))
                .title("Ferry strike: what travellers need to know " + RUN)
                .text("Crossings stay cancelled while the seafarers' union, the minister and the labour court argue.")
                .entities(ferry, port, captain, union, minister, strike, court).build();
        StoreTestClient.produce(bridge);

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (EnrichedArticle a : List.of(original, followUp, bridge)) {
                given().get("/api/articles/" + a.id()).then().statusCode(200).body("storyId", equalTo(older));
            }
        });
        given().get("/api/stories/" + older).then().statusCode(200)
                .body("articleCount", equalTo(3))
                .body("articles.size()", equalTo(3))
                .body("title", equalTo(original.article().title()))
                .body("firstSeen", equalTo("2026-11-21T08:00:00Z"))
                .body("lastSeen", equalTo("2026-11-21T10:00:00Z"));
        given().get("/api/stories/" + younger).then().statusCode(404);
        List<Map<String, Object>> listed = given().queryParam("limit", 100).get("/api/stories").then()
                .statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, Object>> ofThisEvent = listed.stream()
                .filter(s -> older.equals(s.get("id")) || younger.equals(s.get("id"))).toList();
        assertThat(ofThisEvent).hasSize(1);
        assertThat(ofThisEvent.get(0).get("articleCount")).isEqualTo(3);

        // The absorbed story's last event says where its articles went; the survivor's latest counts all three.
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<StoryEvent> events = StoreTestClient.records(Topics.STORIES).stream()
                    .filter(r -> older.equals(r.key()) || younger.equals(r.key()))
                    .map(r -> EventJson.fromBytes(r.value(), StoryEvent.class)).toList();
            List<StoryEvent> merged = events.stream().filter(e -> e.type().equals(StoryEvent.MERGED)).toList();
            assertThat(merged).hasSize(1);
            assertThat(merged.get(0).storyId()).isEqualTo(younger);
            assertThat(merged.get(0).mergedInto()).isEqualTo(older);
            assertThat(merged.get(0).articleCount()).isZero();
            assertThat(merged.get(0).articleIds()).containsExactly(followUp.id());
            StoryEvent latest = events.stream().filter(e -> older.equals(e.storyId())).reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(latest.type()).isEqualTo(StoryEvent.UPDATED);
            assertThat(latest.articleCount()).isEqualTo(3);
            assertThat(latest.articleIds()).containsExactlyInAnyOrder(bridge.id(), followUp.id());
            assertThat(latest.sequence()).isLessThan(merged.get(0).sequence());
        });
    }

    private static EnrichedArticle.Entity entity(String key, String name, EntityType type) {
        return TestArticles.entity("Q" + key + "-" + RUN, name, type, 0.9);
    }

    private static String awaitStory(String articleId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/api/articles/" + articleId).statusCode() == 200);
        return given().get("/api/articles/" + articleId).then().extract().path("storyId");
    }
}
