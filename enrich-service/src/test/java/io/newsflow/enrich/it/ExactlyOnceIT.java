package io.newsflow.enrich.it;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.RawArticle;
import io.newsflow.contracts.Topics;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once on news.articles.enriched against a real broker: the service's first transaction is aborted after its
 * records were produced (what a crash between producing and committing leaves behind). A read_uncommitted reader sees
 * those produced-then-aborted records; a read_committed reader — what the store uses — sees each article exactly once.
 */
@QuarkusTest
@TestProfile(ExactlyOnceIT.AbortFirstTransaction.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ExactlyOnceIT {

    public static class AbortFirstTransaction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.enrich.fault.abort-transactions-after-producing", "1");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aTransactionAbortedAfterProducingLeavesNoDuplicateForReadCommittedConsumers() throws Exception {
        List<String> keys = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 3; i++) {
                RawArticle raw = EnrichPipelineIT.article("https://example.org/eos/" + UUID.randomUUID(),
                        "Støre møter Zelenskyj i Kyiv", "Statsminister Jonas Gahr Støre møtte president Volodymyr "
                                + "Zelenskyj i Kyiv torsdag for å diskutere mer støtte til Ukraina før vinteren.",
                        null, RawArticle.SCHEMA_VERSION);
                keys.add(raw.id());
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, raw.id(), EventJson.toBytes(raw))).get();
            }
        }

        List<ConsumerRecord<String, byte[]>> committed = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_committed")) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(r.key())) {
                        committed.add(r);
                    }
                }
                assertThat(committed).extracting(ConsumerRecord::key).containsAll(keys);
            });
            // Anything still in flight would have arrived with the last commit; read on a little to catch duplicates.
            for (int i = 0; i < 5; i++) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        committed.add(r);
                    }
                });
            }
        }
        assertThat(committed).extracting(ConsumerRecord::key).as("each article once").containsExactlyInAnyOrderElementsOf(keys);
        for (ConsumerRecord<String, byte[]> r : committed) {
            assertThat(EventJson.fromBytes(r.value(), EnrichedArticle.class).language().code()).isEqualTo("nb");
        }

        // The aborted attempt did write records: a reader that ignores transactions sees them as duplicates.
        List<String> uncommitted = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_uncommitted")) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(r.key())) {
                        uncommitted.add(r.key());
                    }
                }
                assertThat(uncommitted).hasSizeGreaterThan(keys.size());
            });
        }
    }

    private KafkaConsumer<String, byte[]> consumer(String isolation) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "eos-it-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED));
        return consumer;
    }
}
