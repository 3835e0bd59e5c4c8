package io.newsflow.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** store-service settings ({@code newsflow.store.*}); each can be overridden by environment variable. */
@ConfigMapping(prefix = "newsflow.store")
public interface StoreConfig {

    Retry retry();

    Outbox outbox();

    /** Articles older than this (by publication, else fetch time) are deleted by the retention job. */
    @WithDefault("365d")
    Duration retention();

    /** How often the retention job runs (also read by its @Scheduled expression). */
    @WithDefault("1h")
    Duration retentionCheck();

    /** How story events travel from the outbox table to news.stories (see StoryOutboxRelay). */
    interface Outbox {
        /** Events published per transaction (rows read, sent, then deleted once acknowledged). */
        @WithDefault("500")
        int chunkSize();

        /**
         * How often every replica looks for unpublished events besides the wake-up after each commit: picks up what
         * a crash or a Kafka outage left behind.
         */
        @WithDefault("5s")
        Duration sweepInterval();

        /** Longest wait for the broker to acknowledge a chunk; after it the chunk is retried at the next sweep. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    /**
     * How the consumer waits out a database outage; it retries until the database is back, never dead-letters. Other
     * failures are retried a bounded number of times.
     */
    interface Retry {
        /** First wait after a failed transaction. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** Upper bound of the doubling wait, so recovery is noticed quickly even after a long outage. */
        @WithDefault("15s")
        Duration maxBackoff();

        /**
         * Attempts of a transaction failing the same way (same SQLState) while the database is up, e.g. a deadlock or
         * an internal error, before its articles are retried one by one and the failing ones dead-lettered.
         */
        @WithDefault("5")
        int maxAttempts();
    }
}
