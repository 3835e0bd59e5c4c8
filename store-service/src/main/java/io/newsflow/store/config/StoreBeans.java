package io.newsflow.store.config;

import io.newsflow.store.messaging.ArticleIntake;
import io.newsflow.store.messaging.StoreMetrics;
import io.newsflow.store.persistence.ArticleWriter;
import io.newsflow.store.persistence.ArticlesCommitted;
import jakarta.enterprise.event.Event;
import io.newsflow.store.persistence.DatabaseRetry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the plain store classes into CDI from configuration. */
@ApplicationScoped
public class StoreBeans {

    @Produces
    @Singleton
    DatabaseRetry databaseRetry(StoreConfig config, StoreMetrics metrics) {
        return new DatabaseRetry(config.retry().initialBackoff(), config.retry().maxBackoff(),
                config.retry().maxAttempts(), metrics::databaseRetry);
    }

    /** Commits of the writer become CDI events, observed by the story-event publisher and the live stream. */
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

    /** Early in shutdown, so a consumer waiting for the database lets go instead of holding the JVM. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event, DatabaseRetry retry) {
        retry.stop();
    }
}
