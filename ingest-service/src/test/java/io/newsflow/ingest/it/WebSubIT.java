package io.newsflow.ingest.it;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.contracts.Topics;
import io.newsflow.ingest.websub.WebSubSigner;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WebSub against a fake hub on loopback: the feed advertises the hub, ingest subscribes with a per-feed secret, the
 * hub verifies the intent, a signed push is published at once, a forged one is ignored, and the feed keeps a slow
 * safety-net poll.
 */
@QuarkusTest
@TestProfile(WebSubIT.WithWebSub.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class WebSubIT {

    private static final String SECRET = "it-websub-secret";
    private static final String CALLBACK_BASE = "http://callback.invalid";
    private static final Duration WAIT = Duration.ofSeconds(60);

    public static final class WithWebSub implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.ingest.websub.callback-url", CALLBACK_BASE,
                    "newsflow.ingest.websub.secret", SECRET,
                    "newsflow.ingest.websub.safety-net-interval", "40s");
        }
    }

    private static TestNewsSite site;
    private static HttpServer hub;
    private static KafkaTopicReader raw;
    private static final Map<String, String> subscription = new ConcurrentHashMap<>();
    private static volatile String verificationEcho;

    @BeforeAll
    static void start() throws IOException {
        site = new TestNewsSite();
        raw = new KafkaTopicReader(Topics.ARTICLES_RAW);
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.setExecutor(Executors.newFixedThreadPool(2));
        hub.createContext("/hub", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> fields = new HashMap<>();
            for (String pair : form.split("&")) {
                String[] kv = pair.split("=", 2);
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            subscription.putAll(fields);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
            // Verification of intent, as a hub does it after accepting (WebSub §5.3).
            String callback = callback(fields.get("hub.callback"));
            try {
                HttpResponse<String> echo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(callback
                        + "?hub.mode=subscribe&hub.topic=" + java.net.URLEncoder.encode(fields.get("hub.topic"), StandardCharsets.UTF_8)
                        + "&hub.challenge=ch4llenge-42&hub.lease_seconds=600")).GET().build(), HttpResponse.BodyHandlers.ofString());
                verificationEcho = echo.statusCode() + ":" + echo.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        hub.start();
    }

    @AfterAll
    static void stop() {
        hub.stop(0);
        raw.close();
        site.close();
    }

    /** The callback URL the service gave, pointed at the test's HTTP port. */
    private static String callback(String given) {
        return given.replace(CALLBACK_BASE, "http://localhost:" + RestAssured.port);
    }

    private static String feed(String... items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
                + "xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Pushed</title><link>" + site.url("/ws/")
                + "</link><description>x</description><atom:link rel=\"hub\" href=\"http://127.0.0.1:"
                + hub.getAddress().getPort() + "/hub\"/><atom:link rel=\"self\" href=\"" + site.url("/ws/feed.xml") + "\"/>");
        for (String item : items) {
            xml.append("<item><title>").append(item).append("</title><link>").append(site.url("/ws/" + item + ".html"))
                    .append("</link><pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    @Test
    void subscribesAtTheHubVerifiesAndPublishesSignedPushesOnly() throws Exception {
        site.html("/ws/a.html", TestNewsSite.articlePage("Pier opens", "The new pier opened to walkers on Saturday morning."));
        site.html("/ws/b.html", TestNewsSite.articlePage("Pier gets lights", "Lamps along the new pier were lit for the first time."));
        site.html("/ws/c.html", TestNewsSite.articlePage("Forged", "This text must never be published by anyone."));
        site.rss("/ws/feed.xml", feed("a"));

        String id = given().contentType(ContentType.JSON).body(Map.of("url", site.url("/ws/feed.xml"))).post("/api/feeds")
                .then().statusCode(201).extract().path("id");

        await().atMost(WAIT).until(() -> verificationEcho != null);
        assertThat(verificationEcho).isEqualTo("200:ch4llenge-42");
        assertThat(subscription).containsEntry("hub.mode", "subscribe")
                .containsEntry("hub.topic", site.url("/ws/feed.xml"))
                .containsEntry("hub.callback", CALLBACK_BASE + "/api/websub/" + id)
                .containsEntry("hub.secret", new WebSubSigner(SECRET).secretFor(id));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath view = given().get("/api/feeds/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(view.getString("webSubHub")).endsWith("/hub");
            assertThat(view.getString("nextPollAt")).as("next poll scheduled").isNotNull();
            Duration gap = Duration.between(Instant.parse(view.getString("lastPolledAt")), Instant.parse(view.getString("nextPollAt")));
            assertThat(gap).as("slow safety-net poll while pushed").isGreaterThanOrEqualTo(Duration.ofSeconds(35));
        });
        await().atMost(WAIT).until(() -> articles("/ws/a.html") == 1);
        int feedPolls = site.hits("/ws/feed.xml");

        // A forged push: accepted (2xx, as the spec wants) and ignored.
        byte[] forged = feed("c", "a").getBytes(StandardCharsets.UTF_8);
        given().contentType("application/rss+xml").header("X-Hub-Signature", "sha256=" + "00".repeat(32)).body(forged)
                .post("/api/websub/" + id).then().statusCode(202);
        // A signed push is published without waiting for a poll.
        byte[] pushed = feed("b", "a").getBytes(StandardCharsets.UTF_8);
        given().contentType("application/rss+xml").header("X-Hub-Signature", new WebSubSigner(SECRET).sign(id, pushed))
                .body(pushed).post("/api/websub/" + id).then().statusCode(202);

        await().atMost(WAIT).until(() -> articles("/ws/b.html") == 1);
        assertThat(site.hits("/ws/feed.xml")).as("it came by push, not by a poll").isEqualTo(feedPolls);
        assertThat(site.hits("/ws/c.html")).as("the forged item was never fetched").isZero();
        assertThat(articles("/ws/c.html")).isZero();

        given().contentType("application/rss+xml").body(pushed).post("/api/websub/no-such-feed").then().statusCode(410);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.challenge", "x").get("/api/websub/no-such-feed")
                .then().statusCode(404);
    }

    private static long articles(String path) {
        String url = "\"url\":\"" + site.url(path) + "\"";
        return raw.read(r -> r.value().contains(url)).size();
    }
}
