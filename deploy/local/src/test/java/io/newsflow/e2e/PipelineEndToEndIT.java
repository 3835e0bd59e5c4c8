package io.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.Topics;
import io.newsflow.localstack.LocalPipeline;
import io.newsflow.localstack.SampleNewsSite;
import io.newsflow.localstack.SampleNewsSite.SampleArticle;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline as users run it: real Kafka, real PostgreSQL, the sample news site and the three packaged services,
 * each its own process, wired only by configuration. Sample feeds go in at one end; the store API is checked at the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    private static Path dataDir;
    private static LocalPipeline pipeline;
    private static Map<String, SampleArticle> samplesById;

    @BeforeAll
    static void startPipeline() throws IOException {
        Path root = Path.of(System.getProperty("newsflow.home", "../..")).toAbsolutePath().normalize();
        dataDir = Files.createTempDirectory("newsflow-e2e-");
        pipeline = LocalPipeline.start(new LocalPipeline.Options(root, dataDir, LocalPipeline.Ports.freePorts(),
                POLL_INTERVAL));
        samplesById = new HashMap<>();
        for (SampleArticle sample : pipeline.site().articles()) {
            samplesById.put(ArticleIds.idFor(sample.url().toString()), sample);
        }
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void everySampleArticleReachesTheStoreWithLanguageEntitiesAndTopics() throws Exception {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(storedIds()).containsAll(samplesById.keySet()));

        for (Map.Entry<String, SampleArticle> entry : samplesById.entrySet()) {
            SampleArticle sample = entry.getValue();
            JsonNode article = get(pipeline.store().baseUrl().resolve("/api/articles/" + entry.getKey()));
            String described = sample.outlet() + " " + sample.url();

            assertThat(article.path("title").asText()).as("title of %s", described).isEqualTo(sample.title());
            assertThat(languageOf(article)).as("language of %s", described).isEqualTo(sample.language());
            assertThat(article.path("topics")).as("topics of %s", described).isNotEmpty();
            List<String> entityNames = new ArrayList<>();
            // Canonical names and every surface form: 'Tyskland' in a Norwegian text is linked to Germany.
            List<String> namesAndMentions = new ArrayList<>();
            article.path("entities").forEach(e -> {
                entityNames.add(e.path("name").asText());
                namesAndMentions.add(e.path("name").asText());
                e.path("mentions").forEach(m -> namesAndMentions.add(m.path("text").asText()));
            });
            assertThat(entityNames).as("entities of %s", described).isNotEmpty();

            String text = article.path("text").asText();
            for (String expected : sample.expectEntities()) {
                assertThat(namesAndMentions).as("entity '%s' in %s (found %s)", expected, described, entityNames)
                        .anySatisfy(name -> assertThat(name).containsIgnoringCase(expected));
            }
            for (String chrome : sample.mustNotContain()) {
                assertThat(text).as("page chrome in the text of %s", described).doesNotContain(chrome);
            }
        }
    }

    @Test
    @Order(2)
    void pollingTheSameFeedsAgainCreatesNoDuplicates() throws Exception {
        Map<String, Integer> rawBefore = rawRecordsPerKey();
        assertThat(rawBefore.keySet()).containsAll(samplesById.keySet());
        assertThat(rawBefore.values()).as("each article published once").allMatch(count -> count == 1);
        int storedBefore = storedIds().size();

        // A restarted ingest-service must resume from its state in Kafka, not re-publish what it already sent.
        pipeline.ingest().stop();
        Instant restartedAt = Instant.now();
        pipeline.ingest().start();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(feedsPolledSince(restartedAt, 2)).isTrue());

        assertThat(rawRecordsPerKey()).isEqualTo(rawBefore);
        assertThat(storedIds()).hasSize(storedBefore);
    }

    @Test
    @Order(3)
    void aFeedAddedThroughTheApiIsStoredWithinAMinute() throws Exception {
        // A second copy of the sample site on another port: same pages, new URLs, so new article ids.
        try (SampleNewsSite otherSite = SampleNewsSite.start(0)) {
            URI feed = otherSite.feedUrls().getFirst();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(pipeline.ingest().baseUrl().resolve("/api/feeds"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("url", feed.toString()))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isIn(200, 201);

            Set<String> expected = otherSite.articles().stream()
                    .filter(article -> feedLinks(feed).contains(article.url().toString()))
                    .map(article -> ArticleIds.idFor(article.url().toString()))
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(expected).isNotEmpty();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(storedIds()).containsAll(expected));
        }
    }

    @Test
    @Order(4)
    void everyServiceIsReadyAndCountsItsArticles() throws Exception {
        for (var service : List.of(pipeline.ingest(), pipeline.enrich(), pipeline.store())) {
            assertThat(service.isReady()).as("%s ready", service.name()).isTrue();
            String metrics = getText(service.baseUrl().resolve("/q/metrics"));
            assertThat(metrics).as("metrics of %s", service.name()).contains("newsflow_articles_out_total");
        }
        // The consumer-lag alert and dashboard panels query the Kafka client's own metric, as Quarkus exposes it (per
        // client always; per topic and partition only while partitions are being fetched).
        for (var consumer : List.of(pipeline.enrich(), pipeline.store())) {
            assertThat(getText(consumer.baseUrl().resolve("/q/metrics"))).as("lag metric of %s", consumer.name())
                    .containsPattern("(?m)^kafka_consumer_fetch_manager_records_lag_max\\{.*client_id=\"kafka-consumer-");
        }
    }

    @Test
    @Order(5)
    void oneTraceFollowsEachArticleFromFetchThroughEnrichment() {
        Map<String, String> rawTraces = traceIdsByKey(Topics.ARTICLES_RAW);
        Map<String, String> enrichedTraces = traceIdsByKey(Topics.ARTICLES_ENRICHED);
        for (String id : samplesById.keySet()) {
            assertThat(rawTraces.get(id)).as("traceparent on the raw record of %s", id).isNotNull();
            assertThat(enrichedTraces.get(id)).as("trace of the enriched record of %s", id).isEqualTo(rawTraces.get(id));
        }
    }

    /** The W3C trace id (second field of traceparent) of the last committed record per key of a topic. */
    private static Map<String, String> traceIdsByKey(String topic) {
        Map<String, String> traces = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader("traceparent");
                    if (header != null) {
                        traces.put(record.key(), new String(header.value(), java.nio.charset.StandardCharsets.US_ASCII).split("-")[1]);
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return traces;
    }

    /** Every feed has been polled at least {@code polls} times since {@code since}, per ingest's feed health. */
    private static boolean feedsPolledSince(Instant since, int polls) throws Exception {
        JsonNode feeds = get(pipeline.ingest().baseUrl().resolve("/api/feeds"));
        JsonNode list = feeds.isArray() ? feeds : feeds.path("items");
        if (list.size() < pipeline.site().feedUrls().size()) {
            return false;
        }
        for (JsonNode feed : list) {
            String last = feed.path("lastPolledAt").asText("");
            if (last.isEmpty() || Instant.parse(last).isBefore(since.plus(POLL_INTERVAL.multipliedBy(polls - 1)))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> storedIds() throws Exception {
        JsonNode response = get(pipeline.store().baseUrl().resolve("/api/articles?limit=200"));
        JsonNode items = response.isArray() ? response : response.path("items");
        Set<String> ids = new java.util.HashSet<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String languageOf(JsonNode article) {
        JsonNode language = article.path("language");
        return language.isObject() ? language.path("code").asText() : language.asText();
    }

    /** Reads news.articles.raw from the beginning to its current end: how many records each key has. */
    private static Map<String, Integer> rawRecordsPerKey() {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES_RAW).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(record.key(), 1, Integer::sum);
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return counts;
    }

    /** The article links in a feed, read with a plain regex: good enough for feeds this project renders itself. */
    private static Set<String> feedLinks(URI feed) {
        try {
            String xml = getText(feed);
            Set<String> links = new java.util.HashSet<>();
            var matcher = java.util.regex.Pattern.compile("(?:<link>|<link[^>]*href=\"|rdf:about=\")([^<\"]+)").matcher(xml);
            while (matcher.find()) {
                links.add(matcher.group(1).replace("&amp;", "&"));
            }
            return links;
        } catch (Exception e) {
            throw new AssertionError("Cannot read " + feed, e);
        }
    }

    private static JsonNode get(URI uri) throws Exception {
        return JSON.readTree(getText(uri));
    }

    private static String getText(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
        return response.body();
    }

}
