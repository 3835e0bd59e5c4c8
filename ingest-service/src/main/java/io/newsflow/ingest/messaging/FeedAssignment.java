package io.newsflow.ingest.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Spreads the feeds over the replicas with Kafka group membership: every replica joins one consumer group on the
 * subscription topic (keyed by feed id), and polls exactly the feeds whose key falls into the partitions the group
 * assigned to it. The records themselves are not read here (the partitions are paused; {@link StateTail} reads the
 * whole topic): the group is only the arbiter of who owns what. When a replica leaves or dies, its partitions, and so
 * its feeds, move to the others; the revoking side finishes its in-flight polls before it lets go
 * ({@link Listener#revoked} may block), so no feed is polled by two replicas at once.
 */
public final class FeedAssignment implements AutoCloseable {

    /** Told about changes of ownership, on the assignment thread. */
    public interface Listener {
        /** These partitions (of the subscription topic) are now this replica's. */
        void assigned(Set<Integer> partitions);

        /** These partitions are no longer this replica's; return when their in-flight polls are done. */
        void revoked(Set<Integer> partitions);
    }

    private static final Logger LOG = Logger.getLogger(FeedAssignment.class);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Listener listener;
    private final Thread thread;
    private final String name;
    private volatile Set<Integer> owned = Set.of();
    private volatile int partitionCount;
    private volatile boolean running = true;

    /**
     * @param clientConfig Kafka client settings (bootstrap servers, security)
     * @param groupId      the group every replica of this deployment joins
     * @param instance     a name for this member in logs and the client id
     */
    public FeedAssignment(Map<String, Object> clientConfig, String topic, String groupId, String instance,
                          Listener listener) {
        this.topic = topic;
        this.listener = listener;
        this.name = instance;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-feed-assignment-" + instance);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // A dead replica's feeds move after this long without heartbeats.
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000);
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        this.consumer = new KafkaConsumer<>(config);
        this.thread = new Thread(this::run, "ingest-feed-assignment");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Whether this replica polls the feed now. */
    public boolean owns(String feedId) {
        int count = partitionCount;
        return count > 0 && owned.contains(partitionFor(feedId, count));
    }

    /** The partitions this replica owns now. */
    public Set<Integer> ownedPartitions() {
        return owned;
    }

    /** The partition of a feed id, as Kafka's default partitioner places a record keyed by it. */
    public static int partitionFor(String feedId, int partitions) {
        return Utils.toPositive(Utils.murmur2(feedId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    public int partitionFor(String feedId) {
        int count = partitionCount;
        return count == 0 ? -1 : partitionFor(feedId, count);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    release(partitions);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    release(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    List<PartitionInfo> infos = consumer.partitionsFor(topic);
                    partitionCount = infos == null ? 0 : infos.size();
                    consumer.pause(partitions);
                    Set<Integer> gained = numbers(partitions);
                    Set<Integer> now = new TreeSet<>(owned);
                    now.addAll(gained);
                    owned = Set.copyOf(now);
                    LOG.infof("Feed assignment (%s): now polling the feeds of partitions %s of %s", name, now, topic);
                    if (!gained.isEmpty()) {
                        listener.assigned(gained);
                    }
                }
            });
            while (running) {
                consumer.poll(Duration.ofMillis(500)); // heartbeats and rebalances; paused, so no records
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.errorf(e, "Feed assignment (%s) failed; this replica polls no feeds until restarted", name);
            owned = Set.of();
        } finally {
            try {
                consumer.close(Duration.ofSeconds(10)); // leaves the group: the others take the feeds over at once
            } catch (RuntimeException e) {
                LOG.warnf("Closing the feed assignment consumer: %s", e.toString());
            }
        }
    }

    private void release(Collection<TopicPartition> partitions) {
        Set<Integer> lost = numbers(partitions);
        if (lost.isEmpty()) {
            return;
        }
        Set<Integer> now = new TreeSet<>(owned);
        now.removeAll(lost);
        owned = Set.copyOf(now);
        LOG.infof("Feed assignment (%s): handing over the feeds of partitions %s", name, lost);
        listener.revoked(lost);
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
