package io.newsflow.ingest.pipeline;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.config.KafkaClients;
import io.newsflow.ingest.dedup.SeenLedger;
import io.newsflow.ingest.dedup.SeenStateStore;
import io.newsflow.ingest.feed.Feed;
import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.feed.FeedSubscriptionStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Start-up, in order: create the compacted state topics, load the API's feed subscriptions, add the configured
 * feeds, load the seen state; only then is the service ready and polling starts. Runs in the background with
 * retries, so the process comes up (live, not ready) while Kafka is still unreachable.
 */
@ApplicationScoped
public class IngestBootstrap {

    private static final Logger LOG = Logger.getLogger(IngestBootstrap.class);
    private static final long MAX_RETRY_SECONDS = 30;

    private final KafkaClients kafka;
    private final FeedSubscriptionStore feedStore;
    private final SeenStateStore seenStore;
    private final SeenLedger ledger;
    private final FeedRegistry registry;
    private final IngestStatus status;
    private final IngestConfig config;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-bootstrap");
        thread.setDaemon(true);
        return thread;
    });

    public IngestBootstrap(KafkaClients kafka, FeedSubscriptionStore feedStore, SeenStateStore seenStore,
                           SeenLedger ledger, FeedRegistry registry, IngestStatus status, IngestConfig config,
                           Clock clock) {
        this.kafka = kafka;
        this.feedStore = feedStore;
        this.seenStore = seenStore;
        this.ledger = ledger;
        this.registry = registry;
        this.status = status;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        // A malformed configured URL is an operator error: fail the start, naming the setting.
        List<String> configured = configuredFeeds();
        executor.execute(() -> attempt(configured, 1));
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    private List<String> configuredFeeds() {
        List<String> urls = new ArrayList<>();
        for (String url : config.feeds().orElse(List.of())) {
            if (url.isBlank()) {
                continue;
            }
            try {
                ArticleIds.canonicalize(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("newsflow.ingest.feeds: " + e.getMessage(), e);
            }
            urls.add(url.strip());
        }
        return urls;
    }

    private void attempt(List<String> configured, int attempt) {
        try {
            status.loading("creating state topics");
            io.newsflow.ingest.messaging.StateTopics.ensure(kafka.admin());
            status.loading("loading feed subscriptions");
            int persisted = 0;
            for (Feed feed : feedStore.loadAll()) {
                persisted += registry.register(feed, FeedState.Origin.API).created() ? 1 : 0;
            }
            for (String url : configured) {
                registry.register(Feed.of(url, clock.instant()), FeedState.Origin.CONFIG);
            }
            status.loading("loading seen state");
            long records = seenStore.loadInto(ledger);
            status.loaded(ledger.size());
            LOG.infof("Ingest state loaded: %d subscribed and %d configured feeds, %d published articles (%d records)",
                    persisted, configured.size(), ledger.size(), records);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            long delay = Math.min(MAX_RETRY_SECONDS, 1L << Math.min(attempt, 5));
            String problem = "cannot load state from Kafka (attempt " + attempt + "): " + e.getMessage();
            status.loading(problem);
            LOG.warnf("%s; retrying in %d s", problem, delay);
            if (!executor.isShutdown()) {
                executor.schedule(() -> attempt(configured, attempt + 1), delay, TimeUnit.SECONDS);
            }
        }
    }
}
