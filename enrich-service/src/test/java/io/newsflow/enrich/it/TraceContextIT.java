package io.newsflow.enrich.it;

import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.RawArticle;
import io.newsflow.contracts.Topics;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace ingest started continues through enrich: a raw record with a W3C {@code traceparent} yields an enriched
 * record whose {@code traceparent} has the same trace id (and a new span id: enrich's own), with the default
 * configuration — no collector, nothing exported.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class TraceContextIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void enrichedRecordContinuesTheRawRecordsTrace() throws Exception {
        String url = "https://example.org/traced/" + UUID.randomUUID();
        RawArticle raw = EnrichPipelineIT.article(url, "Harbour reopens after the storm",
                "The harbour in the old town reopened on Thursday after three days of repairs to the breakwater. "
                        + "Ferries will run on the normal timetable from Friday, the operator said.", "en",
                RawArticle.SCHEMA_VERSION);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpan = "00f067aa0ba902b7";
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ARTICLES_RAW, raw.id(), EventJson.toBytes(raw));
        record.headers().add("traceparent", ("00-" + traceId + "-" + parentSpan + "-01").getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }

        List<ConsumerRecord<String, byte[]>> enriched = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "trace-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (raw.id().equals(r.key())) {
                        enriched.add(r);
                    }
                });
                return !enriched.isEmpty();
            });
        }

        Header header = enriched.getFirst().headers().lastHeader("traceparent");
        assertThat(header).as("traceparent on the enriched record").isNotNull();
        String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("-");
        assertThat(parts).hasSize(4);
        assertThat(parts[1]).as("same trace as the raw record").isEqualTo(traceId);
        assertThat(parts[2]).as("enrich's own span").isNotEqualTo(parentSpan).matches("[0-9a-f]{16}");
    }
}
