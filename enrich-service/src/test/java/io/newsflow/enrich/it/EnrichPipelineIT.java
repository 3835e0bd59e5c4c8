package io.newsflow.enrich.it;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.DeadLetters;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.RawArticle;
import io.newsflow.contracts.Topics;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * The enrich stage against a real Kafka broker: plain clients produce raw articles and poison messages and read what
 * the service writes to news.articles.enriched and news.enrich.dlq.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class EnrichPipelineIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    static RawArticle article(String url, String title, String text, String hint, int schemaVersion) {
        return new RawArticle(schemaVersion, ArticleIds.idFor(url), url, ArticleIds.canonicalize(url), "example.org",
                "https://example.org/feed.xml", title, text, null, List.of("Test Writer"),
                Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:01:00Z"), hint, "hash-" + url, 1);
    }

    private void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, key, value)).get();
    }

    /** Reads a topic from the beginning in the background, keeping the records whose keys the test made up. */
    private static Map<String, ConsumerRecord<String, byte[]>> collect(String bootstrap, String topic, List<String> keys,
                                                                      Duration timeout) {
        Map<String, ConsumerRecord<String, byte[]>> seen = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "enrich-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(timeout).pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(r.key())) {
                        seen.put(r.key(), r);
                    }
                }
                assertThat(seen.keySet()).containsAll(keys);
            });
        }
        return seen;
    }

    @Test
    void rawArticleComesOutEnrichedUnderTheSameKey() throws Exception {
        RawArticle raw = article("https://example.org/news/" + UUID.randomUUID(),
                "Putin threatens to arm Venezuela with hypersonic missiles",
                "Russia could supply Venezuela with Oreshnik and Kalibr missiles, a senior Russian lawmaker said on "
                        + "Tuesday, as US forces gathered in the Caribbean.\n\nPresident Nicolás Maduro accused "
                        + "Washington of preparing a war, while the Kremlin said it was in daily contact with Caracas.",
                "en", RawArticle.SCHEMA_VERSION);
        send(raw.id(), EventJson.toBytes(raw));

        ConsumerRecord<String, byte[]> record = collect(bootstrapServers, Topics.ARTICLES_ENRICHED, List.of(raw.id()),
                Duration.ofSeconds(60)).get(raw.id());
        EnrichedArticle enriched = EventJson.fromBytes(record.value(), EnrichedArticle.class);
        assertThat(record.key()).isEqualTo(raw.id());
        assertThat(enriched.article()).isEqualTo(raw);
        assertThat(enriched.language().code()).isEqualTo("en");
        assertThat(enriched.entities()).extracting(EnrichedArticle.Entity::id).contains("Q7747", "Q159", "Q717");
        assertThat(enriched.entities()).filteredOn(e -> e.type() == EnrichedArticle.EntityType.PRODUCT)
                .extracting(EnrichedArticle.Entity::name).contains("Oreshnik", "Kalibr");
        assertThat(enriched.topics()).extracting(EnrichedArticle.Topic::code).contains("medtop:16000000", "medtop:11000000");
        assertThat(enriched.enrichedAt()).isNotNull();
        assertThat(enriched.fingerprint()).isNotNull();
        assertThat(enriched.fingerprint().topEntityIds()).contains("Q7747");
        assertThat(enriched.fingerprint().textFingerprint()).isNotNull();
    }

    /**
     * Records polled together are enriched side by side (one thread per core) yet written once each and in their
     * order: revisions of one article, interleaved with other articles, come out in the order they went in.
     */
    @Test
    void aBatchEnrichedInParallelComesOutOnceEachAndInOrder() throws Exception {
        String url = "https://example.org/news/" + UUID.randomUUID();
        List<String> otherKeys = new java.util.ArrayList<>();
        int revisions = 6;
        for (int revision = 1; revision <= revisions; revision++) {
            RawArticle base = article(url, "Harbour council approves the new ferry terminal, revision " + revision,
                    "The council in Bergen voted on Tuesday to build the terminal; revision " + revision + " of the "
                            + "story adds the vote count and a statement from the mayor.", "en", RawArticle.SCHEMA_VERSION);
            RawArticle revised = new RawArticle(base.schemaVersion(), base.id(), base.url(), base.canonicalUrl(),
                    base.source(), base.feedUrl(), base.title(), base.text(), base.summary(), base.authors(),
                    base.publishedAt(), base.fetchedAt(), base.languageHint(), "hash-" + revision, revision);
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, revised.id(), EventJson.toBytes(revised)));
            for (int other = 0; other < 4; other++) {
                RawArticle filler = article("https://example.org/news/" + UUID.randomUUID(), "Ferry timetable " + other,
                        "The ferry company publishes its winter timetable for the fjord routes next week.", "en",
                        RawArticle.SCHEMA_VERSION);
                otherKeys.add(filler.id());
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, filler.id(), EventJson.toBytes(filler)));
            }
        }
        producer.flush();

        String id = ArticleIds.idFor(url);
        List<Integer> seenRevisions = new java.util.ArrayList<>();
        Map<String, Integer> otherCopies = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "enrich-it-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key().equals(id)) {
                        seenRevisions.add(EventJson.fromBytes(r.value(), EnrichedArticle.class).article().revision());
                    } else if (otherKeys.contains(r.key())) {
                        otherCopies.merge(r.key(), 1, Integer::sum);
                    }
                }
                assertThat(seenRevisions).hasSize(revisions);
                assertThat(otherCopies).hasSize(otherKeys.size());
            });
            // Nothing arrives twice, not even a little later.
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> assertThat(r.key()).isNotEqualTo(id).isNotIn(otherKeys));
        }
        assertThat(seenRevisions).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(otherCopies.values()).containsOnly(1);
    }

    @Test
    void poisonAndUnknownVersionsAreDeadLetteredAndTheStreamGoesOn() throws Exception {
        String garbageKey = "poison-" + UUID.randomUUID();
        RawArticle future = article("https://example.org/future/" + UUID.randomUUID(), "From the future",
                "This article was written by a producer that speaks schema version two.", "en", 2);
        RawArticle valid = article("https://example.org/after/" + UUID.randomUUID(), "Oslo Børs stiger kraftig",
                "Hovedindeksen på Oslo Børs steg kraftig tirsdag etter at Equinor la fram tall som var bedre enn "
                        + "ventet. Investorene kjøpte aksjer i energiselskapene, og renten holdt seg uendret.",
                null, RawArticle.SCHEMA_VERSION);

        send(garbageKey, "{not json".getBytes(StandardCharsets.UTF_8));
        send(future.id(), EventJson.toBytes(future));
        send(valid.id(), EventJson.toBytes(valid));

        Map<String, ConsumerRecord<String, byte[]>> dead = collect(bootstrapServers, Topics.ENRICH_DLQ,
                List.of(garbageKey, future.id()), Duration.ofSeconds(60));
        assertThat(reason(dead.get(garbageKey))).contains("Not a valid RawArticle");
        assertThat(reason(dead.get(future.id()))).contains("Unknown schemaVersion 2");
        assertThat(new String(dead.get(garbageKey).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");

        EnrichedArticle after = EventJson.fromBytes(collect(bootstrapServers, Topics.ARTICLES_ENRICHED,
                List.of(valid.id()), Duration.ofSeconds(60)).get(valid.id()).value(), EnrichedArticle.class);
        assertThat(after.language().code()).isEqualTo("nb");
        assertThat(after.topics().getFirst().code()).isIn("medtop:04000000", "medtop:20000385", "medtop:20000344");

        // The stream moved past the poison messages: the service's group committed offsets beyond all three records.
        Map<TopicPartition, Long> produced = new java.util.HashMap<>();
        for (String key : List.of(garbageKey, future.id(), valid.id())) {
            ConsumerRecord<String, byte[]> r = key.equals(valid.id()) ? null : dead.get(key);
            if (r != null) {
                long origin = Long.parseLong(new String(r.headers().lastHeader("dead-letter-offset").value(), StandardCharsets.UTF_8));
                int partition = Integer.parseInt(new String(r.headers().lastHeader("dead-letter-partition").value(), StandardCharsets.UTF_8));
                produced.merge(new TopicPartition(Topics.ARTICLES_RAW, partition), origin, Math::max);
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("enrich-service")
                        .partitionsToOffsetAndMetadata().get();
                produced.forEach((tp, offset) -> assertThat(committed.get(tp)).as(tp.toString()).isNotNull()
                        .extracting(OffsetAndMetadata::offset).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LONG)
                        .isGreaterThan(offset));
            });
        }

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsflow_articles_failed_total{reason=\"invalid-event\",stage=\"enrich\"}"))
                .body(containsString("newsflow_articles_in_total{stage=\"enrich\"}"))
                .body(containsString("newsflow_articles_out_total{stage=\"enrich\"}"));
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(DeadLetters.REASON);
        assertThat(header).as("dead-letter-reason header").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void readyWhenTheBrokerIsReachable() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200)
                        .body(containsString("kafka-broker")));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
