package io.newsflow.ingest.it;

import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With newsflow.ingest.api-key set, changes need the key; reads and previews do not. */
@QuarkusTest
@TestProfile(ApiKeyIT.WithApiKey.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ApiKeyIT {

    private static final String KEY = "it-key-7f3a9c";
    private static TestNewsSite site;

    public static final class WithApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.ingest.api-key", KEY);
        }
    }

    @BeforeAll
    static void start() {
        site = new TestNewsSite();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void changesNeedTheKeyReadsDoNot() {
        site.rss("/key/feed.xml", site.rssFeed("Key"));
        Map<String, String> body = Map.of("url", site.url("/key/feed.xml"));

        given().contentType(ContentType.JSON).body(body).post("/api/feeds")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer").body("error", equalTo("unauthorized"));
        given().contentType(ContentType.JSON).header("X-API-Key", "wrong").body(body).post("/api/feeds")
                .then().statusCode(401);
        String id = given().contentType(ContentType.JSON).header("X-API-Key", KEY).body(body).post("/api/feeds")
                .then().statusCode(201).extract().path("id");

        given().get("/api/feeds/" + id).then().statusCode(200);
        given().get("/api/feeds/export").then().statusCode(200);
        given().contentType("application/rss+xml").body(site.rssFeed("P")).post("/api/feeds/preview").then().statusCode(200);
        given().contentType("text/x-opml").body("<opml><body><outline xmlUrl=\"https://x.example/f\"/></body></opml>")
                .post("/api/feeds/import").then().statusCode(401);

        given().delete("/api/feeds/" + id).then().statusCode(401);
        given().header("Authorization", "Bearer " + KEY).delete("/api/feeds/" + id).then().statusCode(204);
    }
}
