package io.newsflow.store.it;

import io.newsflow.contracts.DeadLetters;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.EventJson;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.newsflow.localstack.quarkus.PostgresResource;
import io.newsflow.store.TestArticles;
import io.newsflow.store.query.ArticleQuery;
import io.newsflow.store.query.SqlStatement;
import io.newsflow.store.query.TextSearchConfigs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsflow.store.StoreTestClient.deadLetters;
import static io.newsflow.store.StoreTestClient.metric;
import static io.newsflow.store.StoreTestClient.produce;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The store end to end against a real broker and a real PostgreSQL: enriched articles produced to
 * news.articles.enriched with a plain producer come out of the REST API.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class StorePipelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Unique per run so assertions only see this test's articles even in a reused database. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    DataSource dataSource;

    @Test
    void storedArticleComesBackInFullWithEntitiesMentionsAndTopics() {
        EnrichedArticle article = TestArticles.article("full-" + RUN + ".test")
                .title("Storting debates the budget")
                .entities(TestArticles.entity("Q20", "Norway", EntityType.LOCATION, 0.9),
                        TestArticles.entity("nf:organization:storting", "Storting", EntityType.ORGANIZATION, 0.7),
                        new EnrichedArticle.Entity("Q585", "Oslo", EntityType.LOCATION, true, 1, 0.5, List.of(),
                                new EnrichedArticle.Geo(59.913, 10.739)))
                .topics(TestArticles.topic("medtop:11000000", "politics")).build();

        produce(article);

        awaitArticle(article.id())
                .body("id", equalTo(article.id()))
                .body("title", equalTo("Storting debates the budget"))
                .body("canonicalUrl", equalTo(article.article().canonicalUrl()))
                .body("source", equalTo("full-" + RUN + ".test"))
                .body("language", equalTo("en"))
                .body("revision", equalTo(1))
                .body("authors", equalTo(List.of("Kari Nordmann")))
                .body("publishedAt", equalTo("2026-11-20T10:00:00Z"))
                .body("entities.id", equalTo(List.of("Q20", "nf:organization:storting", "Q585")))
                .body("entities[2].geo.lat", equalTo(59.913f))
                .body("entities[2].geo.lon", equalTo(10.739f))
                .body("entities[0].geo", equalTo(null))
                .body("entities[0].type", equalTo("LOCATION"))
                .body("entities[0].linked", equalTo(true))
                .body("entities[0].mentions[0].text", equalTo("Norway"))
                .body("entities[0].mentions[0].field", equalTo("text"))
                .body("topics[0].code", equalTo("medtop:11000000"))
                .body("topics[0].label", equalTo("politics"));

        given().queryParam("source", "full-" + RUN + ".test").get("/api/articles").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(article.id()))
                .body("items[0].url", equalTo(article.article().url()))
                .body("items[0].topics[0].code", equalTo("medtop:11000000"))
                .body("items[0].entities.id", equalTo(List.of("Q20", "nf:organization:storting", "Q585")))
                .body("items[0].entities[0].name", equalTo("Norway"));
    }

    @Test
    void everyFilterReturnsTheRightArticlesAndExcludesOthers() {
        String wire = "wire-" + RUN + ".test";
        String nrk = "nrk-" + RUN + ".test";
        String entityId = "Q" + Math.abs(RUN.hashCode());
        String company = "Fjordkraft " + RUN;
        EnrichedArticle english = TestArticles.article(wire).language("en")
                .publishedAt(Instant.parse("2026-11-21T09:00:00Z"))
                .title("Voters head to the polls").text("The election decides who governs the country.")
                .entities(TestArticles.entity(entityId, "Norway", EntityType.LOCATION, 0.8))
                .topics(TestArticles.topic("medtop:11000000", "politics")).build();
        EnrichedArticle norwegian = TestArticles.article(nrk).language("nb")
                .publishedAt(Instant.parse("2026-11-21T08:00:00Z"))
                .title("Velgerne går til urnene").text("Valgene avgjør hvem som skal styre landet.")
                .entities(TestArticles.entity(entityId, "Norge", EntityType.LOCATION, 0.8))
                .topics(TestArticles.topic("medtop:11000000", "politikk")).build();
        EnrichedArticle german = TestArticles.article(wire).language("de")
                .publishedAt(Instant.parse("2026-11-20T07:00:00Z"))
                .title("Neue Preise für Strom").text("Der Stromanbieter " + company + " erhöht die Preise.")
                .entities(TestArticles.entity("nf:organization:" + RUN, company, EntityType.ORGANIZATION, 0.9))
                .topics(TestArticles.topic("medtop:04000000", "economy")).build();
        // No publication time: sorted by fetch time, which is the newest of all.
        EnrichedArticle undated = TestArticles.article(wire).language("en").publishedAt(null)
                .fetchedAt(Instant.parse("2026-11-22T00:00:00Z")).title("Undated wire item").build();
        List<EnrichedArticle> all = List.of(english, norwegian, german, undated);
        all.forEach(io.newsflow.store.StoreTestClient::produce);
        all.forEach(a -> awaitArticle(a.id()));

        assertIds("entity", entityId, List.of(english, norwegian), List.of(german, undated));
        assertIds("entity", company.toUpperCase(), List.of(german), List.of(english, norwegian, undated));
        assertIds("entity", "norge", List.of(norwegian), List.of(english, german));
        assertIds("topic", "medtop:04000000", List.of(german), List.of(english, norwegian, undated));
        assertIds("language", "nb", List.of(norwegian), List.of(english, german, undated));
        assertIds("source", nrk.toUpperCase(), List.of(norwegian), List.of(english, german, undated));
        // English stemming: "elections" finds "election"; Norwegian stemming: "valget" finds "Valgene".
        assertIds("q", "elections", List.of(english), List.of(norwegian, german, undated));
        assertIds("q", "valget", List.of(norwegian), List.of(english, german, undated));
        assertIds("q", "\"hvem som skal styre\"", List.of(norwegian), List.of(english, german, undated));
        // 'simple' matches the unstemmed word whatever the article's language.
        assertIds("q", company.split(" ")[1], List.of(german), List.of(english, norwegian, undated));

        given().queryParam("source", wire).get("/api/articles").then().statusCode(200)
                .body("items.id", equalTo(List.of(undated.id(), english.id(), german.id())));
        given().queryParam("source", wire).queryParam("limit", 2).get("/api/articles").then().statusCode(200)
                .body("items.id", equalTo(List.of(undated.id(), english.id())));
        given().queryParam("source", wire).queryParam("language", "de").get("/api/articles").then().statusCode(200)
                .body("items.id", equalTo(List.of(german.id())));
    }

    @Test
    void theSameMessageTwiceLeavesOneUnchangedRow() throws SQLException {
        EnrichedArticle article = TestArticles.article("dup-" + RUN + ".test")
                .entities(TestArticles.entity("Q42", "Douglas Adams", EntityType.PERSON, 0.9)).build();
        produce(article);
        awaitArticle(article.id());
        String storedAt = given().get("/api/articles/" + article.id()).then().extract().path("storedAt");
        double unchangedBefore = metric("newsflow_store_upserts_total", "outcome=\"unchanged\"");

        produce(article);

        await().atMost(PATIENCE).until(() ->
                metric("newsflow_store_upserts_total", "outcome=\"unchanged\"") > unchangedBefore);
        assertThat(count("SELECT count(*) FROM article WHERE id = ?", article.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM article_entity WHERE article_id = ?", article.id())).isEqualTo(1);
        given().get("/api/articles/" + article.id()).then().body("storedAt", equalTo(storedAt));
    }

    @Test
    void aNewerRevisionReplacesTheOlderOneWithItsEntitiesAndTopics() {
        var builder = TestArticles.article("rev-" + RUN + ".test");
        EnrichedArticle first = builder.title("First version")
                .entities(TestArticles.entity("Q1", "Old Entity", EntityType.PERSON, 0.5))
                .topics(TestArticles.topic("medtop:01000000", "arts")).build();
        EnrichedArticle second = builder.revision(2).title("Corrected version")
                .enrichedAt(Instant.parse("2026-11-20T11:00:00Z"))
                .entities(TestArticles.entity("Q2", "New Entity", EntityType.PERSON, 0.5))
                .topics(TestArticles.topic("medtop:02000000", "crime")).build();
        produce(first);
        awaitArticle(first.id()).body("title", equalTo("First version"));

        produce(second);

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/articles/" + first.id()).then()
                .statusCode(200).body("revision", equalTo(2)).body("title", equalTo("Corrected version")));
        given().get("/api/articles/" + first.id()).then()
                .body("entities.id", equalTo(List.of("Q2"))).body("topics.code", equalTo(List.of("medtop:02000000")));
        String source = "rev-" + RUN + ".test";
        given().queryParam("source", source).queryParam("entity", "Old Entity").get("/api/articles").then()
                .body("items.size()", equalTo(0));
        given().queryParam("source", source).queryParam("topic", "medtop:02000000").get("/api/articles").then()
                .body("items.id", equalTo(List.of(first.id())));
    }

    @Test
    void anOlderRevisionArrivingLateNeverOverwritesTheNewer() {
        var builder = TestArticles.article("late-" + RUN + ".test");
        EnrichedArticle older = builder.revision(1).title("Old title").build();
        EnrichedArticle newer = builder.revision(2).title("New title").build();
        produce(newer);
        awaitArticle(newer.id()).body("title", equalTo("New title"));
        double unchangedBefore = metric("newsflow_store_upserts_total", "outcome=\"unchanged\"");

        produce(older);

        await().atMost(PATIENCE).until(() ->
                metric("newsflow_store_upserts_total", "outcome=\"unchanged\"") > unchangedBefore);
        given().get("/api/articles/" + newer.id()).then().body("revision", equalTo(2)).body("title",
                equalTo("New title"));
    }

    @Test
    void aLaterEnrichmentOfTheSameRevisionReplacesTheEarlierOne() {
        var builder = TestArticles.article("reenrich-" + RUN + ".test");
        EnrichedArticle first = builder.topics(TestArticles.topic("medtop:01000000", "arts")).build();
        EnrichedArticle again = builder.enrichedAt(Instant.parse("2026-11-21T00:00:00Z"))
                .topics(TestArticles.topic("medtop:15000000", "sport")).build();
        produce(first);
        awaitArticle(first.id());

        produce(again);

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/articles/" + first.id()).then()
                .body("topics.code", equalTo(List.of("medtop:15000000")))
                .body("enrichedAt", equalTo("2026-11-21T00:00:00Z")));
    }

    @Test
    void garbageIsDeadLetteredWithAReasonAndTheStreamGoesOn() {
        String key = "garbage-" + RUN;
        EnrichedArticle next = TestArticles.article("after-garbage-" + RUN + ".test").build();
        byte[] garbage = "{\"this is\": not json".getBytes(StandardCharsets.UTF_8);
        String wrongVersion = new String(EventJson.toBytes(TestArticles.article("v9-" + RUN + ".test").build()),
                StandardCharsets.UTF_8).replace("\"schemaVersion\":1", "\"schemaVersion\":9");
        double failedBefore = metric("newsflow_articles_failed_total", "reason=\"invalid-event\"");

        produce(key, garbage);
        produce(key + "-v9", wrongVersion.getBytes(StandardCharsets.UTF_8));
        produce(next);

        awaitArticle(next.id());
        await().atMost(PATIENCE).untilAsserted(() -> {
            var dead = deadLetters().stream().filter(r -> r.key() != null && r.key().startsWith(key)).toList();
            assertThat(dead).hasSize(2);
            var notJson = dead.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
            assertThat(notJson.value()).isEqualTo(garbage);
            assertThat(header(notJson.headers().lastHeader(DeadLetters.REASON))).startsWith("invalid-event: ");
            assertThat(header(notJson.headers().lastHeader(DeadLetters.STAGE))).isEqualTo("store");
            assertThat(header(notJson.headers().lastHeader(DeadLetters.ORIGIN))).startsWith("news.articles.enriched-");
            var v9 = dead.stream().filter(r -> r.key().equals(key + "-v9")).findFirst().orElseThrow();
            assertThat(header(v9.headers().lastHeader(DeadLetters.REASON))).contains("Unknown schemaVersion 9");
        });
        assertThat(metric("newsflow_articles_failed_total", "reason=\"invalid-event\"")).isEqualTo(failedBefore + 2);
    }

    @Test
    void badLimitsAreRejectedWith400AndAJsonError() {
        for (String limit : List.of("0", "201", "-5", "ten")) {
            given().queryParam("limit", limit).get("/api/articles").then().statusCode(400)
                    .contentType(ContentType.JSON)
                    .body("status", equalTo(400))
                    .body("message", equalTo("limit must be an integer between 1 and 200, was '" + limit + "'"));
        }
        given().queryParam("limit", 200).get("/api/articles").then().statusCode(200);
    }

    @Test
    void unknownIdIs404WithAJsonError() {
        given().get("/api/articles/does-not-exist-" + RUN).then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("status", equalTo(404))
                .body("message", equalTo("No article with id does-not-exist-" + RUN));
    }

    @Test
    void openApiDescribesTheQueryApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/articles", "/api/articles/{id}"))
                .body("paths.'/api/articles'.get.parameters.name", hasItems("limit", "entity", "topic", "language",
                        "source", "q"))
                .body("paths.'/api/articles'.get.parameters.find { it.name == 'limit' }.schema.type",
                        equalTo("integer"))
                .body("paths.'/api/articles'.get.parameters.find { it.name == 'limit' }.schema.maximum",
                        equalTo(200));
    }

    @Test
    void freeTextSearchCanUseTheGinIndexForEveryLanguage() throws SQLException {
        Map<String, String> configs = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT language, config::text FROM text_search_config")) {
            while (rs.next()) {
                configs.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(configs).containsEntry("en", "english").containsEntry("nb", "norwegian")
                .containsEntry("nn", "norwegian").containsEntry("de", "german");
        SqlStatement query = ArticleQuery.parse(null, null, null, null, null, "climate policy")
                .toSql(new TextSearchConfigs(configs));

        String plan;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL enable_seqscan = off"); // judge indexability, not the tiny table's costs
            }
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + query.sql())) {
                for (int i = 0; i < query.parameters().size(); i++) {
                    ps.setObject(i + 1, query.parameters().get(i));
                }
                var lines = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.append(rs.getString(1)).append('\n');
                    }
                }
                plan = lines.toString();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        assertThat(plan).contains("article_search_idx").doesNotContain("Seq Scan on article a");
    }

    @Test
    void readyWhenKafkaAndPostgresAreReachable() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void pipelineCountersAreExported() {
        EnrichedArticle article = TestArticles.article("metrics-" + RUN + ".test").build();
        double outBefore = metric("newsflow_articles_out_total", "stage=\"store\"");
        produce(article);
        awaitArticle(article.id());

        assertThat(metric("newsflow_articles_in_total", "stage=\"store\"")).isGreaterThanOrEqualTo(1);
        assertThat(metric("newsflow_articles_out_total", "stage=\"store\"")).isGreaterThan(outBefore);
        given().get("/q/metrics").then().body(not(org.hamcrest.Matchers.emptyString()));
    }

    private static ValidatableResponse awaitArticle(String id) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/api/articles/" + id).statusCode() == 200);
        return given().get("/api/articles/" + id).then().statusCode(200);
    }

    private static void assertIds(String param, String value, List<EnrichedArticle> included,
                                  List<EnrichedArticle> excluded) {
        List<String> ids = given().queryParam(param, value).queryParam("limit", 200).get("/api/articles")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(ids).as("%s=%s", param, value).containsAll(included.stream().map(EnrichedArticle::id).toList())
                .doesNotContainAnyElementsOf(excluded.stream().map(EnrichedArticle::id).toList());
    }

    private long count(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
