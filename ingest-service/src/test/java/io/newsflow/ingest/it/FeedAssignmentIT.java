package io.newsflow.ingest.it;

import io.newsflow.ingest.feed.Feed;
import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.messaging.FeedAssignment;
import io.newsflow.ingest.pipeline.FeedOwnership;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas' feed ownership (FeedAssignment + FeedOwnership + FeedRegistry, the plain classes the poller asks
 * which feeds to poll) against the real broker: they split the feeds with no overlap, a leaving replica finishes its
 * in-flight poll before the other takes the feed, and the other then polls everything.
 */
class FeedAssignmentIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private String topic;
    private String group;
    private Map<String, Object> kafka;
    private final List<Feed> feeds = new ArrayList<>();

    private record Replica(FeedRegistry registry, FeedAssignment assignment) {
        boolean polls(Feed feed) {
            return registry.owned().stream().anyMatch(f -> f.feed().id().equals(feed.id()));
        }
    }

    @BeforeEach
    void topic() throws Exception {
        kafka = Map.of("bootstrap.servers", KafkaBrokerResource.broker().bootstrapServers());
        topic = "it-feeds-" + UUID.randomUUID();
        group = "it-ingest-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 40; i++) {
            feeds.add(Feed.of("https://site" + i + ".example/feed.xml", Instant.EPOCH));
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables.reversed()) {
            c.close();
        }
    }

    private Replica replica(String name) {
        FeedRegistry registry = new FeedRegistry();
        feeds.forEach(f -> registry.register(f, FeedState.Origin.API));
        FeedAssignment[] holder = new FeedAssignment[1];
        FeedOwnership ownership = new FeedOwnership(registry, id -> holder[0].partitionFor(id), Duration.ofSeconds(20));
        holder[0] = new FeedAssignment(kafka, topic, group, name, ownership);
        registry.ownership(holder[0]::owns);
        closeables.add(holder[0]);
        return new Replica(registry, holder[0]);
    }

    @Test
    void twoReplicasSplitTheFeedsWithoutOverlapAndOneTakesOverWhenTheOtherLeaves() throws Exception {
        Replica a = replica("a");
        await().atMost(WAIT).until(() -> a.registry().owned().size() == feeds.size());

        Replica b = replica("b");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(a.registry().owned()).isNotEmpty();
            assertThat(b.registry().owned()).isNotEmpty();
            for (Feed feed : feeds) {
                assertThat(a.polls(feed) ^ b.polls(feed)).as("exactly one replica polls %s", feed.url()).isTrue();
            }
        });
        assertThat(a.assignment().ownedPartitions()).doesNotContainAnyElementsOf(b.assignment().ownedPartitions());

        // A is in the middle of polling one of its feeds when it leaves: B must not poll it until A is done.
        FeedState inFlight = a.registry().owned().getFirst();
        assertThat(inFlight.tryStartPoll()).isTrue();
        CompletableFuture<Void> leaving = CompletableFuture.runAsync(() -> a.assignment().close());
        await().atMost(WAIT).until(() -> !a.polls(inFlight.feed()));
        assertThat(b.polls(inFlight.feed())).as("not handed over while A still polls it").isFalse();
        assertThat(leaving).isNotDone();

        inFlight.finishPoll(Instant.now());
        leaving.get(30, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> b.registry().owned().size() == feeds.size());
        assertThat(a.registry().owned()).isEmpty();
    }

    @Test
    void theSamePartitionAsKafkasDefaultPartitioner() throws Exception {
        // The ownership rule must agree with where the subscription records land (key = feed id).
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", kafka.get("bootstrap.servers"),
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName(),
                "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName()))) {
            for (Feed feed : feeds.subList(0, 10)) {
                var meta = producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, feed.id(), "x"))
                        .get(30, TimeUnit.SECONDS);
                assertThat(FeedAssignment.partitionFor(feed.id(), 6)).isEqualTo(meta.partition());
            }
        }
    }
}
