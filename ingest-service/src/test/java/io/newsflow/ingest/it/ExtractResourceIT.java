package io.newsflow.ingest.it;

import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** POST /api/extract with the page in the body, with only ?url= (fetched from a loopback site), and bad input. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ExtractResourceIT {

    private static final String PAGE = """
            <html lang="en-GB"><head><title>Tide mill restored | Estuary Post</title>
            <link rel="canonical" href="https://estuary.example/news/2026/11/18/tide-mill">
            <meta property="article:section" content="Heritage">
            <meta property="og:image" content="/img/mill.jpg">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Tide mill turns again",
             "datePublished":"2026-11-18T09:00:00Z","dateModified":"2026-11-19T10:00:00Z",
             "author":{"@type":"Person","name":"By Alex Miller"}}</script></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Tide mill turns again</h1>
            <p>The restored tide mill at the harbour mouth turned its wheel on Tuesday for the first time in ninety years.</p>
            <p>Volunteers spent four winters rebuilding the sluice gates, and the mill will grind flour for the bakery.</p>
            <div class="share-bar"><a href="#">Share on Facebook</a></div></article>
            <footer>Estuary Post</footer></body></html>""";

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
    void extractsThePageInTheBody() {
        given().contentType("text/html; charset=utf-8").body(PAGE)
                .queryParam("url", "https://estuary.example/news/2026/11/18/tide-mill?utm_source=x")
                .when().post("/api/extract")
                .then().statusCode(200)
                .body("title", equalTo("Tide mill turns again"))
                .body("text", equalTo("The restored tide mill at the harbour mouth turned its wheel on Tuesday for the"
                        + " first time in ninety years.\n\nVolunteers spent four winters rebuilding the sluice gates,"
                        + " and the mill will grind flour for the bakery."))
                .body("canonicalUrl", equalTo("https://estuary.example/news/2026/11/18/tide-mill"))
                .body("publishedAt", equalTo("2026-11-18T09:00:00Z"))
                .body("modifiedAt", equalTo("2026-11-19T10:00:00Z"))
                .body("dateSource", equalTo("json-ld"))
                .body("authors", equalTo(java.util.List.of("Alex Miller")))
                .body("language", equalTo("en"))
                .body("section", equalTo("Heritage"))
                .body("imageUrl", equalTo("https://estuary.example/img/mill.jpg"));
    }

    @Test
    void fetchesThePageWhenOnlyTheUrlIsGiven() {
        site.html("/extract/mill.html", PAGE);

        given().queryParam("url", site.url("/extract/mill.html"))
                .when().post("/api/extract")
                .then().statusCode(200)
                .body("title", equalTo("Tide mill turns again"))
                .body("text", containsString("sluice gates"))
                .body("text", not(containsString("Share on")))
                .body("url", equalTo(site.url("/extract/mill.html")));
    }

    @Test
    void rejectsBadInputWithAReason() {
        given().when().post("/api/extract")
                .then().statusCode(400).body("error", equalTo("missing-input"));
        given().queryParam("url", "ftp://files.example/page").when().post("/api/extract")
                .then().statusCode(400).body("error", equalTo("invalid-url"));
        given().queryParam("url", site.url("/extract/missing.html")).when().post("/api/extract")
                .then().statusCode(502).body("error", equalTo("http-status"));
    }

    @Test
    void aPageWithoutArticleTextGivesEmptyTextNotAnError() {
        given().contentType("text/html").body("<html><body><nav><a href='/a'>Home</a></nav></body></html>")
                .when().post("/api/extract")
                .then().statusCode(200).body("text", equalTo("")).body("publishedAt", nullValue());
    }
}
