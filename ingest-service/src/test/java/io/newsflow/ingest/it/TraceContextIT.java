package io.newsflow.ingest.it;

import io.newsflow.contracts.Topics;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every raw article record carries a W3C {@code traceparent} header (with the default configuration, i.e. no
 * collector and nothing exported), and each article is its own trace: the one enrich and store continue.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class TraceContextIT {

    /** version 00, 32 hex trace id (not all zero), 16 hex span id, flags. */
    private static final String TRACEPARENT = "00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-0[01]";

    private static TestNewsSite site;
    private static KafkaTopicReader raw;

    @BeforeAll
    static void start() {
        site = new TestNewsSite();
        raw = new KafkaTopicReader(Topics.ARTICLES_RAW);
    }

    @AfterAll
    static void stop() {
        raw.close();
        site.close();
    }

    @Test
    void rawArticleRecordsCarryOneTraceEach() {
        site.html("/traced/a1.html", TestNewsSite.articlePage("Ferry timetable changes in spring",
                "The ferry company publishes a new timetable that starts in March with more evening departures."));
        site.html("/traced/a2.html", TestNewsSite.articlePage("Bridge repairs finish early",
                "Repairs to the old bridge finished two weeks ahead of plan, the roads office said on Monday."));
        site.rss("/traced/feed.xml", site.rssFeed("Traced",
                new String[] {"/traced/a1.html", "Ferry timetable changes in spring", "Thu, 20 Nov 2026 08:00:00 GMT"},
                new String[] {"/traced/a2.html", "Bridge repairs finish early", "Thu, 20 Nov 2026 08:00:00 GMT"}));
        given().contentType(ContentType.JSON).body(Map.of("url", site.url("/traced/feed.xml")))
                .post("/api/feeds").then().statusCode(201);

        String prefix = "\"url\":\"" + site.url("/traced/");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> raw.read(r -> r.value().contains(prefix)).size() >= 2);
        List<ConsumerRecord<String, String>> records = raw.read(r -> r.value().contains(prefix));

        List<String> traceparents = records.stream().map(TraceContextIT::traceparent).toList();
        assertThat(traceparents).hasSize(2).allSatisfy(t -> assertThat(t).matches(TRACEPARENT));
        assertThat(traceparents.stream().map(TraceContextIT::traceId).distinct())
                .as("one trace per article, not one per poll").hasSize(2);
    }

    static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header of %s", record.key()).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }
}
