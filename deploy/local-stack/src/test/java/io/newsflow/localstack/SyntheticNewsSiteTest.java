package io.newsflow.localstack;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticNewsSiteTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void pagesAreAbout60KbWithAbout800WordsOfTextAndTheSameForTheSameSeed() throws Exception {
        try (SyntheticNewsSite a = SyntheticNewsSite.start(0, 3, 2, 11);
             SyntheticNewsSite b = SyntheticNewsSite.start(0, 3, 2, 11)) {
            HttpResponse<String> page = get(a.pageUrl(1, 2));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isBetween(58 * 1024, 70 * 1024);
            String article = page.body().substring(page.body().indexOf("<article>"), page.body().indexOf("</article>"));
            String text = article.replaceAll("<[^>]+>", " ");
            assertThat(text.trim().split("\\s+").length).isBetween(800, 1000);
            // Same seed, outlet and number: the same article text (the byline's time is when each site published it).
            String paragraphs = article.substring(article.indexOf("</p>") + 4);
            String other = get(b.pageUrl(1, 2)).body();
            assertThat(other).contains(paragraphs);
        }
    }

    @Test
    void feedsHoldTheNewest50ItemsAndAnswer304WhenNothingIsNew() throws Exception {
        try (SyntheticNewsSite site = SyntheticNewsSite.start(0, 2, 0, 1)) {
            site.publish(120);
            URI feed = site.feedUrls().getFirst();
            HttpResponse<String> response = get(feed);
            assertThat(response.statusCode()).isEqualTo(200);
            Document xml = parse(response.body());
            assertThat(xml.getElementsByTagName("item").getLength()).isEqualTo(SyntheticNewsSite.FEED_ITEMS);
            assertThat(response.body()).contains(site.pageUrl(0, 60).toString())
                    .doesNotContain(site.pageUrl(0, 10).toString() + "<");

            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertThat(HTTP.send(HttpRequest.newBuilder(feed).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(304);
            site.publish(2);
            assertThat(HTTP.send(HttpRequest.newBuilder(feed).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            assertThat(site.publishedCount()).isEqualTo(122);
            // 122 items round-robin over 2 outlets: 61 each.
            assertThat(get(site.pageUrl(0, 61)).statusCode()).isEqualTo(200);
            assertThat(get(site.pageUrl(0, 62)).statusCode()).as("not published yet").isEqualTo(404);
        }
    }

    @Test
    void theFlowPublishesAtTheGivenRate() {
        try (SyntheticNewsSite site = SyntheticNewsSite.start(0, 4, 0, 1)) {
            site.startFlow(50);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> site.publishedCount() >= 25);
            site.stopFlow();
            List<SyntheticNewsSite.Item> items = site.published();
            assertThat(items).hasSize(site.publishedCount());
            assertThat(items.stream().map(SyntheticNewsSite.Item::outlet).distinct()).hasSize(4);
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
