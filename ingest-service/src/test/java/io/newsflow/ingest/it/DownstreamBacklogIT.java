package io.newsflow.ingest.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.messaging.IngestMetrics;
import io.newsflow.ingest.pipeline.DownstreamBacklog;
import io.newsflow.localstack.Ports;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Admission control's measurement against the real broker: a raw topic with 30 records on 3 partitions, consumer
 * groups whose offsets are committed through the admin API, and DownstreamBacklog (limit 10, resume below 5) reading
 * them the way it does in the service.
 */
class DownstreamBacklogIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PARTITIONS = 3;
    private static final int PER_PARTITION = 10;
    private static final long MAX_LAG = 10;

    private static Admin admin;
    private static String topic;

    @BeforeAll
    static void topicWithRecords() throws Exception {
        String servers = KafkaBrokerResource.broker().bootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        topic = "it-raw-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                for (int i = 0; i < PER_PARTITION; i++) {
                    producer.send(new ProducerRecord<>(topic, partition, "article-" + partition + "-" + i, "{}"));
                }
            }
            producer.flush();
        }
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void pausesWhileTheGroupIsFarBehindAndResumesOnceItHasCaughtUp() throws Exception {
        Watch watch = new Watch(() -> admin, "it-enrich-" + UUID.randomUUID());

        commit(watch.group, 0);
        await().atMost(WAIT).until(() -> watch.checkedLag() == 30);
        assertThat(watch.backlog.paused()).isTrue();
        assertThat(watch.gauge("newsflow.ingest.admission.paused")).isEqualTo(1);

        // 9 behind: under the limit but not under half of it, so still paused.
        commit(watch.group, 7);
        await().atMost(WAIT).until(() -> watch.checkedLag() == 9);
        assertThat(watch.backlog.paused()).isTrue();

        commit(watch.group, PER_PARTITION);
        await().atMost(WAIT).until(() -> watch.checkedLag() == 0);
        assertThat(watch.backlog.paused()).isFalse();
        assertThat(watch.gauge("newsflow.ingest.admission.paused")).isZero();
    }

    @Test
    void partitionsWithoutACommittedOffsetCountAsCaughtUp() throws Exception {
        Watch fresh = new Watch(() -> admin, "it-enrich-fresh-" + UUID.randomUUID());
        await().atMost(WAIT).until(() -> fresh.checkedLag() == 0);
        assertThat(fresh.backlog.paused()).as("a group that never committed: enrich not started yet").isFalse();

        // Committed on one partition only (10 behind there): the other two count 0, so 10, not 30, and not above 10.
        Watch partial = new Watch(() -> admin, "it-enrich-partial-" + UUID.randomUUID());
        admin.alterConsumerGroupOffsets(partial.group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)))
                .all().get(30, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> partial.checkedLag() == 10);
        assertThat(partial.backlog.paused()).isFalse();
    }

    @Test
    void aBrokerThatDoesNotAnswerResumesPolling() throws Exception {
        AtomicReference<Admin> current = new AtomicReference<>(admin);
        Watch watch = new Watch(current::get, "it-enrich-" + UUID.randomUUID());
        commit(watch.group, 0);
        await().atMost(WAIT).until(() -> watch.checkedLag() == 30);
        assertThat(watch.backlog.paused()).isTrue();

        // Nothing listens there; the long reconnect backoff only keeps the client's warnings few.
        try (Admin nowhere = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + Ports.free(),
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 1000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000))) {
            current.set(nowhere);
            assertThat(watch.checkedLag()).as("times out within the check's own deadline: unknown").isNaN();
            assertThat(watch.backlog.paused()).as("fail open").isFalse();
        }
    }

    /** A DownstreamBacklog (limit 10) on the test topic for one group, with its own meters. */
    private static final class Watch {
        final String group;
        final MeterRegistry registry = new SimpleMeterRegistry();
        final DownstreamBacklog backlog;

        Watch(Supplier<Admin> admin, String group) {
            this.group = group;
            this.backlog = new DownstreamBacklog(admin, topic, group, MAX_LAG, new IngestMetrics(registry));
        }

        /** One check, as the schedule runs it; then the lag gauge (NaN when the check could not measure). */
        double checkedLag() {
            backlog.check();
            return gauge("newsflow.ingest.downstream.lag");
        }

        double gauge(String name) {
            return registry.get(name).gauge().value();
        }
    }

    /** Commits {@code offset} for the group on every partition, as a consumer that has read that far would. */
    private static void commit(String group, long offset) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            offsets.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset));
        }
        admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
    }
}
