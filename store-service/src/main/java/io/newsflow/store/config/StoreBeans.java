package io.newsflow.store.config;

import io.newsflow.store.messaging.ArticleIntake;
import io.newsflow.store.messaging.StoreMetrics;
import io.newsflow.store.messaging.StoryOutboxRelay;
import io.newsflow.store.persistence.ArticleWriter;
import io.newsflow.store.persistence.ArticlesCommitted;
import jakarta.enterprise.event.Event;
import io.newsflow.store.persistence.DatabaseRetry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

/** Wires the plain store classes into CDI from configuration. */
@ApplicationScoped
public class StoreBeans {

    @Produces
    @Singleton
    DatabaseRetry databaseRetry(StoreConfig config, StoreMetrics metrics) {
        return new DatabaseRetry(config.retry().initialBackoff(), config.retry().maxBackoff(),
                config.retry().maxAttempts(), metrics::databaseRetry);
    }

    /** Commits of the writer become CDI events, observed by the story outbox relay's trigger and the live stream. */
    @Produces
    @Singleton
    ArticlesCommitted.Listener commitListener(Event<ArticlesCommitted> event) {
        return event::fire;
    }

    @Produces
    @Singleton
    ArticleIntake.ArticleSink articleSink(ArticleWriter writer) {
        return writer::upsert;
    }

    @Produces
    @Singleton
    ArticleIntake.BatchSink batchSink(ArticleWriter writer) {
        return writer::upsertAll;
    }

    @Produces
    @Singleton
    StoryOutboxRelay storyOutboxRelay(DataSource dataSource, StoreMetrics metrics, StoreConfig config,
                                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        Duration timeout = config.outbox().sendTimeout();
        return new StoryOutboxRelay(dataSource, () -> storyProducer(bootstrapServers, timeout), metrics,
                config.outbox().chunkSize(), timeout);
    }

    void closeStoryOutboxRelay(@Disposes StoryOutboxRelay relay) {
        relay.close();
    }

    /**
     * The relay's producer. Fixed by design: acks=all and idempotence (a retried send is written once, per-story order
     * holds); every wait is bounded by the send timeout, so a chunk gives up and is retried instead of hanging.
     */
    public static Producer<String, byte[]> storyProducer(String bootstrapServers, Duration sendTimeout) {
        int timeoutMs = Math.toIntExact(sendTimeout.toMillis());
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "store-service-story-outbox",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Early in shutdown, so a consumer waiting for the database lets go instead of holding the JVM. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event, DatabaseRetry retry) {
        retry.stop();
    }
}
