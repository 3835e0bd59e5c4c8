package io.newsflow.ingest.it;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.DeadLetters;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.RawArticle;
import io.newsflow.contracts.Topics;
import io.newsflow.ingest.dedup.SeenLedger;
import io.newsflow.ingest.dedup.SeenStateStore;
import io.newsflow.ingest.feed.Feed;
import io.newsflow.ingest.feed.FeedSubscriptionStore;
import io.newsflow.ingest.messaging.CompactedTopic;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The whole ingest path against a real Kafka broker (KafkaBrokerResource) and a real HTTP site on loopback: subscribe
 * through the API, poll, fetch, extract, publish to news.articles.raw, dedup across polls, feeds and restarts,
 * dead-letter bad input to news.ingest.dlq. Each test uses its own feed paths, so they do not depend on each other.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class IngestPipelineIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String D1 = "Thu, 20 Nov 2026 08:00:00 GMT";
    private static final String D2 = "Thu, 20 Nov 2026 09:00:00 GMT";
    private static final String D3 = "Thu, 20 Nov 2026 10:00:00 GMT";

    private static TestNewsSite site;
    private static KafkaTopicReader raw;
    private static KafkaTopicReader deadLetters;

    @BeforeAll
    static void start() {
        site = new TestNewsSite();
        raw = new KafkaTopicReader(Topics.ARTICLES_RAW);
        deadLetters = new KafkaTopicReader(Topics.INGEST_DLQ);
    }

    @AfterAll
    static void stop() {
        raw.close();
        deadLetters.close();
        site.close();
    }

    @Test
    void publishesEachArticleOnceAcrossPollsAndFeeds() {
        site.html("/once/a1.html", TestNewsSite.articlePage("Harbour reopens after the storm",
                "The harbour reopened on Thursday after three days of repairs to the breakwater.",
                "Ferries will run on the normal timetable from Friday, the operator said."));
        site.html("/once/a2.html", TestNewsSite.articlePage("Library gets new reading room",
                "A new reading room with forty seats opens in the city library next week."));
        site.rss("/once/feed.xml", site.rssFeed("Once",
                new String[] {"/once/a1.html", "Harbour reopens after the storm", D1},
                new String[] {"/once/a2.html", "Library gets new reading room", D1}));

        String feedId = subscribe("/once/feed.xml", 201);
        assertThat(subscribe("/once/feed.xml", 200)).as("subscribing twice is idempotent").isEqualTo(feedId);

        List<RawArticle> articles = awaitArticles("/once/", 2);
        RawArticle harbour = articles.stream().filter(a -> a.url().endsWith("/a1.html")).findFirst().orElseThrow();
        assertThat(harbour.id()).isEqualTo(ArticleIds.idFor(site.url("/once/a1.html")));
        assertThat(harbour.title()).isEqualTo("Harbour reopens after the storm");
        assertThat(harbour.text()).isEqualTo("The harbour reopened on Thursday after three days of repairs to the breakwater."
                + "\n\nFerries will run on the normal timetable from Friday, the operator said.");
        assertThat(harbour.authors()).containsExactly("Pat Writer");
        assertThat(harbour.source()).isEqualTo("127.0.0.1");
        assertThat(harbour.feedUrl()).isEqualTo(site.url("/once/feed.xml"));
        assertThat(harbour.revision()).isEqualTo(1);
        assertThat(harbour.languageHint()).isEqualTo("en");
        assertThat(harbour.publishedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(harbour.contentHash()).hasSize(64);
        assertThat(records("/once/")).allSatisfy(r -> assertThat(r.key()).isEqualTo(
                EventJson.fromBytes(r.value().getBytes(StandardCharsets.UTF_8), RawArticle.class).id()));

        awaitPolls(feedId, 3);
        assertThat(records("/once/")).as("no duplicates after more polls").hasSize(2);
        assertThat(site.hits("/once/a1.html")).as("a seen item's page is not fetched again").isEqualTo(1);

        // The same article in a second feed is not published again; the new one is.
        site.html("/once/a3.html", TestNewsSite.articlePage("Market square gets trees",
                "Twelve lime trees will be planted in the market square this spring."));
        site.rss("/once/other.xml", site.rssFeed("Other",
                new String[] {"/once/a1.html", "Harbour reopens after the storm", D1},
                new String[] {"/once/a3.html", "Market square gets trees", D1}));
        String otherId = subscribe("/once/other.xml", 201);
        awaitArticles("/once/", 3);
        awaitPolls(otherId, 2);
        assertThat(records("/once/")).extracting(ConsumerRecord::key).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void publishesAChangedPageAsTheNextRevisionAndAnUnchangedOneNotAtAll() {
        site.html("/rev/a.html", TestNewsSite.articlePage("Council approves budget",
                "The council approved a budget of 2.1 billion on Tuesday."));
        site.rss("/rev/feed.xml", site.rssFeed("Rev", new String[] {"/rev/a.html", "Council approves budget", D1}));
        String feedId = subscribe("/rev/feed.xml", 201);
        RawArticle first = awaitArticles("/rev/", 1).getFirst();
        assertThat(first.revision()).isEqualTo(1);

        site.html("/rev/a.html", TestNewsSite.articlePage("Council approves budget",
                "Correction: the council approved a budget of 2.4 billion on Tuesday."));
        site.rss("/rev/feed.xml", site.rssFeed("Rev", new String[] {"/rev/a.html", "Council approves budget", D2}));
        List<RawArticle> revisions = awaitArticles("/rev/", 2);
        assertThat(revisions).extracting(RawArticle::id).containsOnly(first.id());
        assertThat(revisions.get(1).revision()).isEqualTo(2);
        assertThat(revisions.get(1).text()).startsWith("Correction:");
        assertThat(revisions.get(1).contentHash()).isNotEqualTo(first.contentHash());

        // A newer date with the same content: fetched again, not republished.
        site.rss("/rev/feed.xml", site.rssFeed("Rev", new String[] {"/rev/a.html", "Council approves budget", D3}));
        await().atMost(WAIT).until(() -> site.hits("/rev/a.html") >= 3);
        awaitPolls(feedId, pollsOf(feedId) + 2);
        assertThat(records("/rev/")).hasSize(2);
    }

    @Test
    void deadLettersABrokenFeedAndAnUnreadablePageWhileTheOtherFeedFlows() {
        site.rss("/bad/broken.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut off");
        site.html("/bad/empty.html", "<html><body><nav><a href=\"/\">Home</a></nav><ul><li><a href=\"/1\">Other</a></li></ul></body></html>");
        site.html("/bad/fine.html", TestNewsSite.articlePage("Bakery wins national prize",
                "A family bakery in the old town won the national prize for rye bread."));
        site.rss("/bad/good.xml", site.rssFeed("Good",
                new String[] {"/bad/empty.html", "Empty page", D1},
                new String[] {"/bad/fine.html", "Bakery wins national prize", D1}));

        String brokenId = subscribe("/bad/broken.xml", 201);
        subscribe("/bad/good.xml", 201);

        awaitArticles("/bad/", 1);
        String brokenUrl = site.url("/bad/broken.xml");
        String emptyUrl = site.url("/bad/empty.html");
        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> letters = deadLetters.read(r -> r.key().startsWith(site.url("/bad/")));
            assertThat(letters).extracting(ConsumerRecord::key).contains(brokenUrl, emptyUrl);
        });
        List<ConsumerRecord<String, String>> letters = deadLetters.read(r -> r.key().startsWith(site.url("/bad/")));
        ConsumerRecord<String, String> feedLetter = letters.stream().filter(r -> r.key().equals(brokenUrl)).findFirst().orElseThrow();
        assertThat(feedLetter.value()).contains("\"reason\":\"feed-parse-error\"", "\"feedUrl\":\"" + brokenUrl + "\"", "\"at\":");
        assertThat(new String(feedLetter.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                .startsWith("feed-parse-error: ");
        ConsumerRecord<String, String> pageLetter = letters.stream().filter(r -> r.key().equals(emptyUrl)).findFirst().orElseThrow();
        assertThat(pageLetter.value()).contains("\"reason\":\"no-main-text\"", "\"feedUrl\":\"" + site.url("/bad/good.xml") + "\"");

        given().get("/api/feeds/" + brokenId).then().statusCode(200)
                .body("lastResult", equalTo("failed"))
                .body("lastStatus", equalTo(200))
                .body("lastError", containsString("feed-parse-error"));

        // Repeated failures of the same kind are counted, not dead-lettered again.
        awaitPolls(brokenId, 2);
        assertThat(deadLetters.read(r -> r.key().equals(brokenUrl))).hasSize(1);
        assertThat(deadLetters.read(r -> r.key().equals(emptyUrl))).hasSize(1);
    }

    @Test
    void aSlowFeedDoesNotHoldUpTheOthers() {
        CountDownLatch gate = site.gate("/slow/feed.xml");
        try {
            site.rss("/slow/feed.xml", site.rssFeed("Slow"));
            site.html("/fast/a.html", TestNewsSite.articlePage("Ferry timetable changes",
                    "The winter timetable for the island ferries starts on Monday."));
            site.rss("/fast/feed.xml", site.rssFeed("Fast", new String[] {"/fast/a.html", "Ferry timetable changes", D1}));

            subscribe("/slow/feed.xml", 201);
            await().atMost(WAIT).until(() -> site.hits("/slow/feed.xml") >= 1);
            subscribe("/fast/feed.xml", 201);

            awaitArticles("/fast/", 1);
            assertThat(gate.getCount()).as("the slow feed is still hanging").isEqualTo(1);
        } finally {
            gate.countDown();
        }
    }

    @Test
    void showsHealthCountersAndFeedList() {
        site.html("/obs/a.html", TestNewsSite.articlePage("Tunnel opens early",
                "The new road tunnel opens two weeks ahead of schedule."));
        site.rss("/obs/feed.xml", site.rssFeed("Obs", new String[] {"/obs/a.html", "Tunnel opens early", D1}));
        String feedId = subscribe("/obs/feed.xml", 201);
        subscribe("/obs/missing.xml", 201); // 404: a failed poll
        awaitArticles("/obs/", 1);

        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("kafka-broker"))
                .body("checks.name", hasItem("ingest-seen-state")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/feeds"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(given().get("/q/metrics").asString())
                .contains("newsflow_articles_in_total{stage=\"ingest\"}")
                .contains("newsflow_articles_out_total{stage=\"ingest\"}")
                .contains("newsflow_articles_failed_total{reason=\"http-status\",stage=\"ingest\"}")
                .contains("newsflow_ingest_polls_total{result=\"ok\",status=\"200\"}")
                .contains("newsflow_ingest_polls_total{result=\"failed\",status=\"404\"}")
                // Admission control measured enrich-service's backlog: it never committed here, so 0 and not paused.
                .contains("newsflow_ingest_downstream_lag 0.0")
                .contains("newsflow_ingest_admission_paused 0.0"));

        given().get("/api/feeds").then().statusCode(200)
                .body("find { it.id == '" + feedId + "' }.url", equalTo(site.url("/obs/feed.xml")))
                .body("find { it.id == '" + feedId + "' }.lastPolledAt", notNullValue())
                .body("find { it.id == '" + feedId + "' }.itemsSeen", equalTo(1))
                .body("find { it.id == '" + feedId + "' }.articlesPublished", equalTo(1));
    }

    @Test
    void rejectsBadSubscriptionsAndUnsubscribes() {
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.com/feed.xml")).post("/api/feeds")
                .then().statusCode(400).body("error", equalTo("invalid-url"));
        given().contentType(ContentType.JSON).body(Map.of("url", "not a url")).post("/api/feeds")
                .then().statusCode(400).body("error", equalTo("invalid-url"));
        given().contentType(ContentType.JSON).body("{}").post("/api/feeds").then().statusCode(400);
        given().contentType(ContentType.JSON).post("/api/feeds").then().statusCode(400);
        given().get("/api/feeds/no-such-feed").then().statusCode(404);

        site.rss("/del/feed.xml", site.rssFeed("Del"));
        String feedId = subscribe("/del/feed.xml", 201);
        given().delete("/api/feeds/" + feedId).then().statusCode(204);
        given().get("/api/feeds/" + feedId).then().statusCode(404);
        try (FeedSubscriptionStore store = new FeedSubscriptionStore(stateTopic(Topics.INGEST_FEEDS))) {
            assertThat(store.loadAll()).extracting(Feed::id).doesNotContain(feedId);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFreshSeenStateStoreOnTheSameTopicKnowsWhatWasPublished() throws Exception {
        site.html("/restart/a.html", TestNewsSite.articlePage("Museum extends opening hours",
                "The maritime museum stays open until eight on Thursdays from December."));
        site.rss("/restart/feed.xml", site.rssFeed("Restart", new String[] {"/restart/a.html", "Museum extends opening hours", D1}));
        String feedId = subscribe("/restart/feed.xml", 201);
        RawArticle article = awaitArticles("/restart/", 1).getFirst();

        await().atMost(WAIT).untilAsserted(() -> {
            SeenLedger restarted = new SeenLedger();
            try (SeenStateStore store = new SeenStateStore(stateTopic(Topics.INGEST_SEEN))) {
                store.loadInto(restarted);
            }
            assertThat(restarted.knows(article.id())).isTrue();
            assertThat(restarted.get(article.id()).contentHash()).isEqualTo(article.contentHash());
            assertThat(restarted.get(article.id()).revision()).isEqualTo(1);
            assertThat(restarted.needsFetch(article.id(), Instant.parse("2026-11-20T08:00:00Z"))).isFalse();
        });
        try (FeedSubscriptionStore store = new FeedSubscriptionStore(stateTopic(Topics.INGEST_FEEDS))) {
            assertThat(store.loadAll()).extracting(Feed::id).contains(feedId);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBrokerResource.broker().bootstrapServers()))) {
            for (String topic : List.of(Topics.INGEST_SEEN, Topics.INGEST_FEEDS)) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(topic).isEqualTo("compact");
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String subscribe(String path, int expectedStatus) {
        return given().contentType(ContentType.JSON).body(Map.of("url", site.url(path)))
                .post("/api/feeds")
                .then().statusCode(expectedStatus)
                .body("url", equalTo(site.url(path)))
                .extract().path("id");
    }

    private static List<ConsumerRecord<String, String>> records(String pathPrefix) {
        String prefix = "\"url\":\"" + site.url(pathPrefix);
        return raw.read(r -> r.value().contains(prefix));
    }

    private static List<RawArticle> awaitArticles(String pathPrefix, int count) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(records(pathPrefix)).hasSizeGreaterThanOrEqualTo(count));
        List<ConsumerRecord<String, String>> records = records(pathPrefix);
        assertThat(records).hasSize(count);
        return records.stream()
                .map(r -> EventJson.fromBytes(r.value().getBytes(StandardCharsets.UTF_8), RawArticle.class))
                .toList();
    }

    private static int pollsOf(String feedId) {
        return given().get("/api/feeds/" + feedId).then().statusCode(200).extract().path("polls");
    }

    private static void awaitPolls(String feedId, int polls) {
        await().atMost(WAIT).until(() -> pollsOf(feedId) >= polls);
    }

    private static CompactedTopic stateTopic(String topic) {
        return new CompactedTopic(Map.of("bootstrap.servers", KafkaBrokerResource.broker().bootstrapServers()), topic);
    }
}
