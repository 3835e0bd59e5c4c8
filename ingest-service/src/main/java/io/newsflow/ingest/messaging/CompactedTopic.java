package io.newsflow.ingest.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A compacted topic used as a key-value table: read it whole from the beginning at start, write single keys after.
 * Reads use partition assignment without a consumer group, so every replica sees every key and nothing is committed.
 */
public final class CompactedTopic implements AutoCloseable {

    /** Reading gives up when no record arrives and the end is not reached for this long. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(30);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final Map<String, Object> clientConfig;
    private KafkaProducer<String, byte[]> producer;
    private volatile Map<TopicPartition, Long> lastEndOffsets = Map.of();

    /**
     * @param clientConfig Kafka client settings (bootstrap servers, security); serialisers and group settings are
     *                     set here
     */
    public CompactedTopic(Map<String, Object> clientConfig, String topic) {
        this.topic = topic;
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /** Created on first write: a producer needs resolvable bootstrap servers, which a starting cluster may lack. */
    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer != null) {
            return producer;
        }
        Map<String, Object> producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-state-" + topic);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis());
        producer = new KafkaProducer<>(producerConfig);
        return producer;
    }

    public String topic() {
        return topic;
    }

    /**
     * Reads every record from the beginning to the end offsets taken at the start, in partition order, handing each
     * key and value (null for a tombstone) to the sink. Later records for a key come after earlier ones.
     *
     * @return the number of records read
     */
    public long readAll(BiConsumer<String, byte[]> sink) throws TimeoutException {
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-state-loader-" + topic);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, STALL_LIMIT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("Topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, STALL_LIMIT);
            lastEndOffsets = Map.copyOf(end);
            long read = 0;
            long lastProgress = System.nanoTime();
            while (!reached(consumer, end)) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.key() != null) {
                        sink.accept(record.key(), record.value());
                    }
                    read++;
                }
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_LIMIT.toNanos()) {
                    throw new TimeoutException("Reading " + topic + " made no progress for " + STALL_LIMIT);
                }
            }
            return read;
        }
    }

    /** Where the last {@link #readAll} stopped, per partition: a tail of the topic continues from here. */
    public Map<TopicPartition, Long> endOffsets() {
        return lastEndOffsets;
    }

    /** The client settings (bootstrap servers, security) this topic was opened with. */
    public Map<String, Object> clientConfig() {
        return clientConfig;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Writes one key and waits for the broker's acknowledgement; a null value is a tombstone. */
    public void write(String key, byte[] value) throws TimeoutException {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted writing " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write " + key + " to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Writes one key without waiting for the broker, so the producer can batch it with other writes; writes of one
     * key stay in order (idempotent producer, one partition per key). {@code onFailure} runs on the producer's I/O
     * thread when the write fails; {@link #close()} waits for what is still queued.
     */
    public void writeInBackground(String key, byte[] value, Consumer<Exception> onFailure) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value), (metadata, failure) -> {
                if (failure != null) {
                    onFailure.accept(failure);
                }
            });
        } catch (RuntimeException e) {
            onFailure.accept(e); // producer closed, record too large, or no metadata within max.block.ms
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
