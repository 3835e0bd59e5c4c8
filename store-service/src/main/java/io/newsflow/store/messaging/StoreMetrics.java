package io.newsflow.store.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.store.persistence.UpsertOutcome;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline counters every stage shares ({@code newsflow.articles.in/out/failed}, tag {@code stage=store}) plus
 * what only the store knows: what each upsert did, how often the database had to be retried, and how story events
 * leave the outbox.
 */
@ApplicationScoped
public class StoreMetrics {

    static final String STAGE = "store";

    private final MeterRegistry registry;
    private final Counter in;
    private final Counter out;
    private final Counter databaseRetries;
    private final Map<UpsertOutcome, Counter> upserts = new EnumMap<>(UpsertOutcome.class);
    private final Counter storyEventsPublished;
    private final Counter storyEventsFailed;
    private final AtomicLong outboxBacklog = new AtomicLong();

    public StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.in = Counter.builder("newsflow.articles.in").tag("stage", STAGE)
                .description("Enriched-article messages received").register(registry);
        this.out = Counter.builder("newsflow.articles.out").tag("stage", STAGE)
                .description("Messages whose article is durably stored (new, updated or already current)")
                .register(registry);
        this.databaseRetries = Counter.builder("newsflow.store.database.retries")
                .description("Transactions retried because PostgreSQL was unavailable").register(registry);
        for (UpsertOutcome outcome : UpsertOutcome.values()) {
            upserts.put(outcome, Counter.builder("newsflow.store.upserts").tag("outcome", outcome.name().toLowerCase())
                    .description("Upserts by what they did to the stored article").register(registry));
        }
        this.storyEventsPublished = Counter.builder("newsflow.store.story.events.published")
                .description("Story events the broker acknowledged and the outbox then deleted").register(registry);
        this.storyEventsFailed = Counter.builder("newsflow.store.story.events.failed")
                .description("Story event sends that failed; the events stay in the outbox and are sent again")
                .register(registry);
        Gauge.builder("newsflow.store.outbox.backlog", outboxBacklog, AtomicLong::get)
                .description("Story events in the outbox not yet published, as of the last relay run")
                .register(registry);
        // Registered up front so dashboards and alerts see a zero rather than a missing series.
        for (String reason : RejectReason.CODES) {
            failedCounter(reason);
        }
    }

    void received() {
        in.increment();
    }

    void stored(UpsertOutcome outcome) {
        out.increment();
        upserts.get(outcome).increment();
    }

    void failed(String reason) {
        failedCounter(reason).increment();
    }

    public void databaseRetry() {
        databaseRetries.increment();
    }

    void storyEventsPublished(int events) {
        storyEventsPublished.increment(events);
    }

    void storyEventsFailed(int events) {
        storyEventsFailed.increment(events);
    }

    void outboxBacklog(long events) {
        outboxBacklog.set(events);
    }

    private Counter failedCounter(String reason) {
        return Counter.builder("newsflow.articles.failed").tag("stage", STAGE).tag("reason", reason)
                .description("Messages dead-lettered because they can never be stored").register(registry);
    }
}
