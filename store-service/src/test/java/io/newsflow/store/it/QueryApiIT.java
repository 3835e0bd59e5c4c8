package io.newsflow.store.it;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.newsflow.localstack.quarkus.PostgresResource;
import io.newsflow.store.StoreTestClient;
import io.newsflow.store.TestArticles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The query API's filters, cursor pagination, facets and trending entities against real data stored through Kafka.
 * The articles of this class are set in 2031, with run-unique sources and entity ids, so nothing else matches them.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class QueryApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SOURCE = "query-" + RUN + ".test";
    private static final String OTHER_SOURCE = "query-other-" + RUN + ".test";
    private static final Instant DAY = Instant.parse("2031-03-10T00:00:00Z");
    private static final String PERSON = "nf:person:" + RUN;
    private static final String ORG = "nf:organization:" + RUN;
    private static final List<EnrichedArticle> ARTICLES = new ArrayList<>();

    /** Once per class, but after the application started (a static @BeforeAll runs before it has a port). */
    @BeforeEach
    void storeArticles() {
        if (!ARTICLES.isEmpty()) {
            return;
        }
        // 7 articles on SOURCE, one per hour from 01:00, all naming PERSON; the even ones also ORG; topics vary.
        for (int i = 1; i <= 7; i++) {
            var b = TestArticles.article(i == 7 ? OTHER_SOURCE : SOURCE).language(i % 3 == 0 ? "nb" : "en")
                    .title("Article " + i + " " + RUN).text("Text of article number " + i + " about things " + RUN)
                    .publishedAt(DAY.plus(Duration.ofHours(i)));
            b = i % 2 == 0
                    ? b.entities(TestArticles.entity(PERSON, "Person " + RUN, EntityType.PERSON, 0.9),
                    TestArticles.entity(ORG, "Org " + RUN, EntityType.ORGANIZATION, 0.5))
                    : b.entities(TestArticles.entity(PERSON, "Person " + RUN, EntityType.PERSON, 0.9));
            b = i <= 3 ? b.topics(TestArticles.topic("medtop:16009000", "armed conflict"))
                    : b.topics(TestArticles.topic("medtop:04000000", "economy, business and finance"));
            ARTICLES.add(b.build());
        }
        ARTICLES.forEach(StoreTestClient::produce);
        for (EnrichedArticle a : ARTICLES) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> given().get("/api/articles/" + a.id()).statusCode() == 200);
        }
    }

    @Test
    void broaderTopicMatchesNarrowerCodes() {
        assertThat(ids(Map.of("topic", "medtop:16000000", "entity", PERSON))).containsExactly(id(3), id(2), id(1));
        assertThat(ids(Map.of("topic", "medtop:16009000", "entity", PERSON))).containsExactly(id(3), id(2), id(1));
        assertThat(ids(Map.of("topic", "medtop:16001000", "entity", PERSON))).isEmpty();
        assertThat(ids(Map.of("topic", "medtop:04000000", "entity", PERSON))).hasSize(4);
    }

    @Test
    void typeRestrictsTheEntityFilter() {
        assertThat(ids(Map.of("entity", ORG, "type", "ORGANIZATION"))).containsExactly(id(6), id(4), id(2));
        assertThat(ids(Map.of("entity", ORG, "type", "person"))).isEmpty();
        assertThat(ids(Map.of("source", SOURCE, "type", "ORGANIZATION"))).containsExactly(id(6), id(4), id(2));
    }

    @Test
    void timeRangeIsFromInclusiveToExclusive() {
        assertThat(ids(Map.of("entity", PERSON, "from", DAY.plus(Duration.ofHours(2)).toString(),
                "to", DAY.plus(Duration.ofHours(4)).toString()))).containsExactly(id(3), id(2));
        assertThat(ids(Map.of("entity", PERSON, "from", "2031-03-10", "to", "2031-03-11"))).hasSize(7);
        assertThat(ids(Map.of("entity", PERSON, "from", "2031-03-11"))).isEmpty();
    }

    @Test
    void cursorPagesThroughEverythingOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("entity", PERSON).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/articles").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactly(id(7), id(6), id(5), id(4), id(3), id(2), id(1));
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void facetsCountTheWholeFilteredSet() {
        JsonPath page = given().queryParam("entity", PERSON).queryParam("limit", 2)
                .queryParam("facets", "topic,entity,source,language").get("/api/articles").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("items")).hasSize(2);
        assertThat(page.getMap("facets")).containsOnlyKeys("topic", "entity", "source", "language");
        assertThat(page.getList("facets.topic.value")).containsExactly("medtop:04000000", "medtop:16009000");
        assertThat(page.getList("facets.topic.count", Integer.class)).containsExactly(4, 3);
        assertThat(page.getList("facets.entity.value")).containsExactly(PERSON, ORG);
        assertThat(page.getList("facets.entity.count", Integer.class)).containsExactly(7, 3);
        assertThat(page.getString("facets.entity[0].label")).isEqualTo("Person " + RUN);
        assertThat(page.getList("facets.source.value")).containsExactly(SOURCE, OTHER_SOURCE);
        assertThat(page.getList("facets.language.value")).containsExactly("en", "nb");
        assertThat(page.getList("facets.language.count", Integer.class)).containsExactly(5, 2);
        // Without facets=…, none are computed.
        given().queryParam("entity", PERSON).get("/api/articles").then().body("facets", equalTo(null));
    }

    @Test
    void trendingComparesWithThePreviousWindow() {
        // Window 03:30–07:30 holds articles 4..7 (PERSON 4, ORG 2); the previous window 23:30–03:30 holds 1..3.
        JsonPath trending = given().queryParam("window", "4h").queryParam("until", "2031-03-10T07:30:00Z")
                .queryParam("buckets", 4).get("/api/entities/trending").then().statusCode(200).extract().jsonPath();
        assertThat(trending.getString("from")).isEqualTo("2031-03-10T03:30:00Z");
        Map<String, Object> person = trending.getMap("items.find { it.id == '" + PERSON + "' }");
        assertThat(person).containsEntry("mentions", 4).containsEntry("previousMentions", 3)
                .containsEntry("change", 1).containsEntry("articles", 4).containsEntry("type", "PERSON");
        assertThat((Float) person.get("changeRatio")).isEqualTo(1f / 3);
        assertThat(person.get("series")).isEqualTo(List.of(1, 1, 1, 1));
        Map<String, Object> org = trending.getMap("items.find { it.id == '" + ORG + "' }");
        assertThat(org).containsEntry("mentions", 2).containsEntry("previousMentions", 1);
        assertThat(trending.getList("items.id").indexOf(PERSON)).isLessThan(trending.getList("items.id").indexOf(ORG));
        given().queryParam("window", "4h").queryParam("until", "2031-03-10T07:30:00Z").queryParam("type", "ORGANIZATION")
                .get("/api/entities/trending").then().statusCode(200).body("items.id", hasItems(ORG))
                .body("items.type.unique()", equalTo(List.of("ORGANIZATION")));
    }

    @Test
    void badParametersAre400WithTheReason() {
        expect400(Map.of("type", "ANIMAL"), "type must be one of");
        expect400(Map.of("from", "last tuesday"), "from must be an ISO-8601");
        expect400(Map.of("from", "2031-03-11", "to", "2031-03-10"), "from must be before to");
        expect400(Map.of("cursor", "not-a-cursor!"), "cursor is not one this API returned");
        expect400(Map.of("facets", "topic,colour"), "facets must be a comma-separated subset");
        expect400(Map.of("limit", "1000"), "limit must be an integer between 1 and 200");
        given().queryParam("window", "forever").get("/api/entities/trending").then().statusCode(400)
                .body("message", containsString("window must be"));
        given().queryParam("window", "91d").get("/api/entities/trending").then().statusCode(400);
    }

    @Test
    void swaggerUiAndOpenApiDescribeTheNewParameters() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/articles", "/api/stories", "/api/stories/{id}",
                        "/api/entities/trending"))
                .body("paths.'/api/articles'.get.parameters.name", hasItems("type", "story", "from", "to", "cursor",
                        "facets"));
    }

    private static void expect400(Map<String, String> params, String reason) {
        given().queryParams(params).get("/api/articles").then().statusCode(400).body("status", equalTo(400))
                .body("message", containsString(reason));
    }

    private static List<String> ids(Map<String, String> params) {
        return given().queryParams(params).queryParam("limit", 200).get("/api/articles").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }

    private static String id(int n) {
        return ARTICLES.get(n - 1).id();
    }
}
