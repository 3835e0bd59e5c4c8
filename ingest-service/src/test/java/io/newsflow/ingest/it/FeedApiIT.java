package io.newsflow.ingest.it;

import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** The feed management API beyond subscribe/list/delete: preview, OPML import and export, autodiscovery. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class FeedApiIT {

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
    void previewsAFeedFromTheBodyOrAUrlWithoutSubscribing() {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                + "<title>Preview &amp; Co</title><link>https://p.example/</link><description>x</description>"
                + "<item><title>First & foremost</title><link>https://p.example/1</link><guid>p-1</guid>"
                + "<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate><dc:creator>Pat</dc:creator>"
                + "<category>Town</category><description>&lt;p&gt;Short&lt;/p&gt;</description></item></channel></rss>";
        given().contentType("application/rss+xml").body(rss).post("/api/feeds/preview")
                .then().statusCode(200)
                .body("format", equalTo("rss_2.0"))
                .body("title", equalTo("Preview & Co"))
                .body("items", hasSize(1))
                .body("items[0].title", equalTo("First & foremost"))
                .body("items[0].link", equalTo("https://p.example/1"))
                .body("items[0].id", equalTo("p-1"))
                .body("items[0].published", equalTo("2026-11-20T08:00:00Z"))
                .body("items[0].authors", equalTo(List.of("Pat")))
                .body("items[0].summary", equalTo("Short"))
                .body("items[0].categories", equalTo(List.of("Town")));

        site.put("/preview/feed.json", "application/feed+json", "{\"version\": \"https://jsonfeed.org/version/1.1\","
                + " \"title\": \"JSON side\", \"items\": [{\"id\": \"j1\", \"url\": \"https://j.example/1\", \"title\": \"Json item\","
                + " \"date_modified\": \"2026-11-21T10:00:00Z\"}]}", Map.of());
        given().queryParam("url", site.url("/preview/feed.json")).post("/api/feeds/preview")
                .then().statusCode(200)
                .body("format", equalTo("json_feed_1.1"))
                .body("items[0].updated", equalTo("2026-11-21T10:00:00Z"));

        given().contentType("text/html").body("<html><body>nope</body></html>").post("/api/feeds/preview")
                .then().statusCode(422).body("error", equalTo("feed-parse-error"));
        given().post("/api/feeds/preview").then().statusCode(400).body("error", equalTo("missing-input"));
        given().queryParam("url", site.url("/preview/missing.xml")).post("/api/feeds/preview")
                .then().statusCode(502).body("error", equalTo("http-status"));
        given().get("/api/feeds").then().body("url", org.hamcrest.Matchers.not(hasItem(site.url("/preview/feed.json"))));
    }

    @Test
    void showsAndPollsASubscriptionAnotherReplicaWrote() throws Exception {
        site.rss("/remote/feed.xml", site.rssFeed("Remote"));
        io.newsflow.ingest.feed.Feed feed = io.newsflow.ingest.feed.Feed.of(site.url("/remote/feed.xml"), java.time.Instant.now());
        try (var store = new io.newsflow.ingest.feed.FeedSubscriptionStore(new io.newsflow.ingest.messaging.CompactedTopic(
                Map.of("bootstrap.servers", KafkaBrokerResource.broker().bootstrapServers()),
                io.newsflow.contracts.Topics.INGEST_FEEDS))) {
            store.save(feed);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> site.hits("/remote/feed.xml") >= 1);
            given().get("/api/feeds/" + feed.id()).then().statusCode(200).body("url", equalTo(site.url("/remote/feed.xml")));

            store.delete(feed.id());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .untilAsserted(() -> given().get("/api/feeds/" + feed.id()).then().statusCode(404));
        }
    }

    @Test
    void importsAndExportsOpml() {
        site.rss("/opml/a.xml", site.rssFeed("A"));
        site.rss("/opml/b.xml", site.rssFeed("B"));
        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body><outline text=\"Folder\">"
                + "<outline text=\"A\" xmlUrl=\"" + site.url("/opml/a.xml") + "\"/>"
                + "<outline text=\"B\" xmlUrl=\"" + site.url("/opml/b.xml") + "\"/></outline>"
                + "<outline text=\"Bad\" xmlUrl=\"ftp://nowhere.example/feed\"/></body></opml>";

        given().contentType("text/x-opml").body(opml).post("/api/feeds/import")
                .then().statusCode(200)
                .body("subscribed", hasSize(2))
                .body("existing", hasSize(0))
                .body("rejected[0].url", equalTo("ftp://nowhere.example/feed"))
                .body("rejected[0].error", equalTo("invalid-url"));
        given().contentType("application/xml").body(opml).post("/api/feeds/import")
                .then().statusCode(200).body("subscribed", hasSize(0)).body("existing", hasSize(2));
        given().contentType("text/x-opml").body("<opml><body/></opml>").post("/api/feeds/import")
                .then().statusCode(400).body("error", equalTo("no-outlines"));

        String exported = given().get("/api/feeds/export").then().statusCode(200)
                .contentType(containsString("text/x-opml")).extract().asString();
        assertThat(exported).contains("xmlUrl=\"" + site.url("/opml/a.xml") + "\"", "xmlUrl=\"" + site.url("/opml/b.xml") + "\"");
    }

    @Test
    void subscribesTheFeedsASitePageAdvertises() {
        site.rss("/disc/feed.xml", site.rssFeed("Discovered"));
        site.put("/disc/atom", "application/atom+xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>D</title></feed>",
                Map.of());
        site.html("/disc/", "<!DOCTYPE html><html><head><title>Site</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\">"
                + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/disc/atom\"></head><body>Hi</body></html>");
        site.html("/disc/nofeeds.html", "<!DOCTYPE html><html><head><title>None</title></head><body>Hi</body></html>");

        given().contentType(ContentType.JSON).body(Map.of("url", site.url("/disc/"))).post("/api/feeds")
                .then().statusCode(201)
                .body("site", equalTo(site.url("/disc/")))
                .body("feeds.url", equalTo(List.of(site.url("/disc/feed.xml"), site.url("/disc/atom"))));
        given().get("/api/feeds").then().body("url", hasItem(site.url("/disc/feed.xml")));

        given().contentType(ContentType.JSON).body(Map.of("url", site.url("/disc/nofeeds.html"))).post("/api/feeds")
                .then().statusCode(400).body("error", equalTo("no-feed-found"));
    }
}
