package io.newsflow.ingest.it;

import io.newsflow.ingest.feed.FeedPollState;
import io.newsflow.ingest.feed.FeedStateStore;
import io.newsflow.ingest.messaging.CompactedTopic;
import io.newsflow.ingest.messaging.StateTopics;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Polite polling against the real broker and a loopback site: conditional GETs whose validators are persisted in
 * news.ingest.feed-state (what a restarted replica resumes from), Retry-After honoured, health and metrics.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class PolitePollingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static TestNewsSite site;

    @BeforeAll
    static void start() {
        site = new TestNewsSite();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void pollsConditionallyAndPersistsTheValidatorsForTheNextReplica() throws Exception {
        site.html("/polite/a.html", TestNewsSite.articlePage("Lighthouse repainted",
                "The old lighthouse on the point got its red and white stripes back this week."));
        site.put("/polite/feed.xml", "application/rss+xml; charset=utf-8",
                site.rssFeed("Polite", new String[] {"/polite/a.html", "Lighthouse repainted", "Fri, 20 Nov 2026 08:00:00 GMT"}),
                Map.of("ETag", "\"feed-v1\"", "Cache-Control", "max-age=1"));

        String id = subscribe("/polite/feed.xml");

        await().atMost(WAIT).until(() -> site.conditionalHits("/polite/feed.xml") >= 2);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath feed = given().get("/api/feeds/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(feed.getString("lastResult")).isEqualTo("not-modified");
            assertThat(feed.getInt("lastStatus")).isEqualTo(304);
            assertThat(feed.getString("lastSuccessAt")).isNotNull();
            assertThat(feed.getLong("itemsNew")).isEqualTo(1);
            assertThat(feed.getLong("articlesPublished")).isEqualTo(1);
            assertThat(feed.getLong("pollIntervalSeconds")).isBetween(1L, 3L);
            assertThat(feed.getString("nextPollAt")).isNotNull();
            assertThat(feed.getString("format")).isEqualTo("rss_2.0");
            assertThat(feed.getString("title")).isEqualTo("Polite");
        });
        assertThat(site.userAgents("/polite/feed.xml")).allSatisfy(ua -> assertThat(ua).startsWith("Newsflow/"));

        // What a restarted or second replica reads back from the compacted topic.
        await().atMost(WAIT).untilAsserted(() -> {
            FeedPollState persisted = loadState().get(id);
            assertThat(persisted).isNotNull();
            assertThat(persisted.etag()).isEqualTo("\"feed-v1\"");
            assertThat(persisted.url()).isEqualTo(site.url("/polite/feed.xml"));
            assertThat(persisted.lastResult()).isEqualTo("not-modified");
            assertThat(persisted.itemsNew()).isEqualTo(1);
            assertThat(persisted.interval()).isNotNull();
        });

        await().atMost(WAIT).untilAsserted(() -> assertThat(given().get("/q/metrics").asString())
                .contains("newsflow_ingest_polls_total{result=\"not-modified\",status=\"304\"}")
                .contains("newsflow_ingest_fetch_bytes_total{kind=\"feed\"}")
                .contains("newsflow_ingest_fetch_bytes_total{kind=\"page\"}")
                .contains("newsflow_ingest_fetch_latency_seconds_count{kind=\"feed\",result=\"ok\"}")
                .contains("newsflow_ingest_items_total{outcome=\"new\"}")
                // Exported before any item was a duplicate (this feed only ever answers 304 after its first poll).
                .contains("newsflow_ingest_items_total{outcome=\"duplicate\"}"));

        given().delete("/api/feeds/" + id).then().statusCode(204);
        await().atMost(WAIT).untilAsserted(() -> assertThat(loadState()).doesNotContainKey(id));
    }

    @Test
    void honoursRetryAfterAndShowsTheErrorStatusInHealth() {
        site.status("/busy/feed.xml", 429, Map.of("Retry-After", "4"));

        String id = subscribe("/busy/feed.xml");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath feed = given().get("/api/feeds/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(feed.getString("lastResult")).isEqualTo("failed");
            // Read as text: the status is recorded just after the result, and getInt would throw on a null.
            assertThat(feed.getString("lastErrorStatus")).isEqualTo("429");
            assertThat(feed.getInt("failureStreak")).isGreaterThanOrEqualTo(1);
            assertThat(feed.getString("lastError")).contains("http-status");
            // The outcome is recorded a moment before the next poll is scheduled: until then nextPollAt is absent.
            assertThat(feed.getString("nextPollAt")).as("next poll scheduled").isNotNull();
            Instant polled = Instant.parse(feed.getString("lastPolledAt"));
            Instant next = Instant.parse(feed.getString("nextPollAt"));
            assertThat(Duration.between(polled, next)).as("Retry-After 4 s, not the 2 s interval")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(3500));
        });
        given().delete("/api/feeds/" + id).then().statusCode(204);
    }

    private static String subscribe(String path) {
        return given().contentType(ContentType.JSON).body(Map.of("url", site.url(path))).post("/api/feeds")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, FeedPollState> loadState() throws Exception {
        try (FeedStateStore store = new FeedStateStore(new CompactedTopic(
                Map.of("bootstrap.servers", KafkaBrokerResource.broker().bootstrapServers()), StateTopics.FEED_STATE))) {
            return store.loadAll();
        }
    }
}
