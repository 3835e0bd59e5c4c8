package io.newsflow.ingest.config;

import io.newsflow.contracts.Topics;
import io.newsflow.ingest.dedup.SeenLedger;
import io.newsflow.ingest.dedup.SeenStateStore;
import io.newsflow.ingest.extract.ArticleExtractor;
import io.newsflow.ingest.feed.FeedParser;
import io.newsflow.ingest.feed.FeedSubscriptionStore;
import io.newsflow.ingest.feed.FeedStateStore;
import io.newsflow.ingest.fetch.HostThrottle;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.messaging.StateTopics;
import io.newsflow.ingest.pipeline.PollPolicy;
import io.newsflow.ingest.fetch.UrlGuard;
import io.newsflow.ingest.messaging.CompactedTopic;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Wires the plain classes (testable without Quarkus) into CDI, configured from {@link IngestConfig}. */
public class IngestBeans {

    private static final Logger LOG = Logger.getLogger(IngestBeans.class);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    UrlGuard urlGuard(IngestConfig config) {
        if (config.fetch().allowPrivateAddresses()) {
            LOG.warn("newsflow.ingest.fetch.allow-private-addresses=true: feeds and pages may reach loopback and "
                    + "private addresses. Use this only for local runs and tests.");
        }
        return new UrlGuard(config.fetch().allowPrivateAddresses());
    }

    @Produces
    @Singleton
    HttpFetcher httpFetcher(UrlGuard guard, HostThrottle throttle, IngestConfig config) {
        IngestConfig.Fetch fetch = config.fetch();
        return new HttpFetcher(guard, fetch.connectTimeout(), fetch.timeout(), fetch.maxRedirects(), fetch.userAgent(),
                throttle);
    }

    @Produces
    @Singleton
    HostThrottle hostThrottle(IngestConfig config, Clock clock) {
        IngestConfig.Host host = config.host();
        return new HostThrottle(host.maxConcurrent(), host.minDelay(), host.maxWait(), clock);
    }

    @Produces
    @Singleton
    PollPolicy pollPolicy(IngestConfig config) {
        return new PollPolicy(config.pollInterval(), config.minPollInterval(), config.maxPollInterval(),
                config.maxBackoff());
    }

    @Produces
    @Singleton
    FeedStateStore feedStateStore(KafkaClients kafka) {
        return new FeedStateStore(new CompactedTopic(kafka.common(), StateTopics.FEED_STATE));
    }

    void closeFeedStateStore(@Disposes FeedStateStore store) {
        store.close();
    }

    void closeFetcher(@Disposes HttpFetcher fetcher) {
        fetcher.close();
    }

    @Produces
    @Singleton
    FeedParser feedParser() {
        return new FeedParser();
    }

    @Produces
    @Singleton
    ArticleExtractor articleExtractor() {
        return new ArticleExtractor();
    }

    @Produces
    @Singleton
    SeenLedger seenLedger() {
        return new SeenLedger();
    }

    @Produces
    @Singleton
    SeenStateStore seenStateStore(KafkaClients kafka) {
        return new SeenStateStore(new CompactedTopic(kafka.common(), Topics.INGEST_SEEN));
    }

    void closeSeenStore(@Disposes SeenStateStore store) {
        store.close();
    }

    @Produces
    @Singleton
    FeedSubscriptionStore feedSubscriptionStore(KafkaClients kafka) {
        return new FeedSubscriptionStore(new CompactedTopic(kafka.common(), Topics.INGEST_FEEDS));
    }

    void closeFeedStore(@Disposes FeedSubscriptionStore store) {
        store.close();
    }
}
