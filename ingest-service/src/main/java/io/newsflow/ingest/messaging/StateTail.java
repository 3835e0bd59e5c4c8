package io.newsflow.ingest.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the compacted state topics after the start-up load, so every replica sees what the others write:
 * subscriptions made through another replica's API, the poll state of feeds polled elsewhere (for the API, and for
 * the replica that takes a feed over), and articles another replica published (dedup across replicas). Assigned all
 * partitions, no consumer group, nothing committed; continues where {@link CompactedTopic#readAll} stopped.
 */
public final class StateTail implements AutoCloseable {

    /** Receives each record: topic, key, value (null for a tombstone). */
    @FunctionalInterface
    public interface Sink {
        void accept(String topic, String key, byte[] value);
    }

    private static final Logger LOG = Logger.getLogger(StateTail.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Sink sink;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param start where to begin, per topic and partition (the end offsets of the start-up load); partitions
     *              missing from it start at the beginning
     */
    public StateTail(Map<String, Object> clientConfig, List<String> topics, Map<TopicPartition, Long> start, Sink sink) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-state-tail");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config);
        this.sink = sink;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long offset = start.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
        this.thread = new Thread(this::run, "ingest-state-tail");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null) {
                        continue;
                    }
                    try {
                        sink.accept(record.topic(), record.key(), record.value());
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Could not apply %s/%s from %s", record.topic(), record.key(), "the state tail");
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.errorf(e, "State tail stopped; this replica no longer sees other replicas' changes");
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
