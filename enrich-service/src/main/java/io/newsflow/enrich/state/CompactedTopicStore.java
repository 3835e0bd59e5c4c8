package io.newsflow.enrich.state;

import io.newsflow.contracts.EventJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small key → JSON value table kept in a compacted Kafka topic, so every replica has the same entries without a
 * database: writes go to the topic (a delete is a tombstone); every replica reads the whole topic from the start, with
 * no consumer group, and keeps reading. A write is applied locally as soon as the broker has it (read your writes);
 * other replicas see it within a poll. Values that do not parse are skipped with a warning.
 */
public final class CompactedTopicStore<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CompactedTopicStore.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String bootstrapServers;
    private final String topic;
    private final Class<T> type;
    private final Function<T, String> keyOf;
    private final Consumer<Map<String, T>> onChange;
    private final Duration timeout;
    private final Map<String, T> entries = new ConcurrentHashMap<>();
    private final Object changeLock = new Object();
    private volatile boolean running = true;
    private volatile boolean loaded;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile KafkaProducer<String, byte[]> producer;
    private Thread reader;

    /**
     * @param onChange called with the full table after every change, from the reader thread or the writing thread
     * @param timeout  how long a write waits for the broker
     */
    public CompactedTopicStore(String bootstrapServers, String topic, Class<T> type, Function<T, String> keyOf,
                               Consumer<Map<String, T>> onChange, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.type = type;
        this.keyOf = keyOf;
        this.onChange = onChange;
        this.timeout = timeout;
    }

    /** Starts the reader thread; it creates the topic if needed and retries while the broker is away. */
    public synchronized void start() {
        reader = Thread.ofPlatform().daemon().name("compacted-" + topic).start(this::readForever);
    }

    /** True once the topic has been read to its end at least once. */
    public boolean loaded() {
        return loaded;
    }

    public Map<String, T> snapshot() {
        return Map.copyOf(entries);
    }

    public Optional<T> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Writes (creates or replaces) an entry and waits until the broker has it. */
    public T put(T value) {
        String key = keyOf.apply(value);
        send(key, EventJson.toBytes(value));
        apply(key, value);
        return value;
    }

    /** Deletes an entry (a tombstone); false if there was none. */
    public boolean delete(String key) {
        if (!entries.containsKey(key)) {
            return false;
        }
        send(key, null);
        apply(key, null);
        return true;
    }

    private void send(String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Could not write to " + topic + ": " + e, e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis(),
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 2_000),
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 2_000),
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.CLIENT_ID_CONFIG, "enrich-" + topic + "-writer"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void apply(String key, T value) {
        synchronized (changeLock) {
            if (value == null) {
                entries.remove(key);
            } else {
                entries.put(key, value);
            }
            onChange.accept(Map.copyOf(entries));
        }
    }

    private void readForever() {
        while (running) {
            try {
                ensureTopic();
                readTopic();
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Reading %s failed, retrying in %s: %s", topic, RETRY, e.toString());
                closeConsumer();
                try {
                    Thread.sleep(RETRY.toMillis()); // back-off in a background thread, not in a test
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** A compacted topic with one partition: the table is small, and one partition keeps its order simple. */
    private void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 5_000)))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("Created compacted topic %s", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StoreUnavailableException("Cannot create " + topic + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted", e);
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("Timed out creating " + topic, e);
        }
    }

    private void readTopic() {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "enrich-" + topic + "-reader"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer = c;
        List<PartitionInfo> partitions = c.partitionsFor(topic, timeout);
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(assigned);
        c.seekToBeginning(assigned);
        Map<TopicPartition, Long> end = c.endOffsets(assigned, timeout);
        while (running) {
            var records = c.poll(POLL);
            if (!records.isEmpty()) {
                synchronized (changeLock) {
                    for (ConsumerRecord<String, byte[]> r : records) {
                        read(r);
                    }
                    onChange.accept(Map.copyOf(entries));
                }
            }
            if (!loaded && assigned.stream().allMatch(tp -> c.position(tp) >= end.getOrDefault(tp, 0L))) {
                loaded = true;
                LOG.infof("Loaded %d entries from %s", entries.size(), topic);
                synchronized (changeLock) {
                    onChange.accept(Map.copyOf(entries));
                }
            }
        }
    }

    private void read(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            entries.remove(r.key());
            return;
        }
        try {
            entries.put(r.key(), EventJson.mapper().readValue(r.value(), type));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("Skipping unreadable entry %s in %s@%d: %s", r.key(), topic, r.offset(), e.toString());
        }
    }

    private void closeConsumer() {
        KafkaConsumer<String, byte[]> c = consumer;
        consumer = null;
        if (c != null) {
            try {
                c.close(Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // closing after a failure: nothing left to do
            }
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeConsumer();
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(2));
        }
    }

    /** The broker could not take a write in time; the REST layer answers 503. */
    public static final class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
