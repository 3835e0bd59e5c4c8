package io.newsflow.ingest.pipeline;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.config.KafkaClients;
import io.newsflow.ingest.dedup.SeenLedger;
import io.newsflow.ingest.dedup.SeenStateStore;
import io.newsflow.ingest.feed.Feed;
import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.feed.FeedStateStore;
import io.newsflow.ingest.feed.FeedSubscriptionStore;
import io.newsflow.contracts.Topics;
import io.newsflow.ingest.messaging.FeedAssignment;
import io.newsflow.ingest.messaging.StateTail;
import io.newsflow.ingest.messaging.StateTopics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Start-up, in order: create the compacted state topics, load the feeds' poll state, load the API's subscriptions, add the configured
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
    private final FeedStateStore feedStateStore;
    private final SeenLedger ledger;
    private final FeedRegistry registry;
    private final IngestStatus status;
    private final IngestConfig config;
    private final Clock clock;
    /** Longest a hand-over waits for in-flight polls (the rebalance waits with it). */
    private static final Duration HAND_OVER_WAIT = Duration.ofSeconds(30);

    private volatile StateTail tail;
    private volatile FeedAssignment assignment;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-bootstrap");
        thread.setDaemon(true);
        return thread;
    });

    public IngestBootstrap(KafkaClients kafka, FeedSubscriptionStore feedStore, SeenStateStore seenStore,
                           FeedStateStore feedStateStore, SeenLedger ledger, FeedRegistry registry, IngestStatus status, IngestConfig config,
                           Clock clock) {
        this.kafka = kafka;
        this.feedStore = feedStore;
        this.seenStore = seenStore;
        this.feedStateStore = feedStateStore;
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
        // Leave the group first: the other replicas take this one's feeds over at once, not after a session timeout.
        if (assignment != null) {
            assignment.close();
        }
        if (tail != null) {
            tail.close();
        }
    }

    /** Follows the state topics and joins the replicas' group; from here on this replica polls its share. */
    private void startSharing() {
        if (tail != null) {
            tail.close(); // a previous attempt got this far
        }
        Map<TopicPartition, Long> start = new HashMap<>();
        start.putAll(feedStore.endOffsets());
        start.putAll(feedStateStore.endOffsets());
        start.putAll(seenStore.endOffsets());
        tail = new StateTail(kafka.common(), List.of(Topics.INGEST_FEEDS, StateTopics.FEED_STATE, Topics.INGEST_SEEN),
                start, this::applyRemote);
        String instance = System.getenv().getOrDefault("HOSTNAME", "ingest-" + UUID.randomUUID().toString().substring(0, 8));
        FeedAssignment[] holder = new FeedAssignment[1];
        FeedOwnership ownership = new FeedOwnership(registry, id -> holder[0].partitionFor(id), HAND_OVER_WAIT);
        holder[0] = new FeedAssignment(kafka.common(), Topics.INGEST_FEEDS, config.groupId(), instance, ownership);
        assignment = holder[0];
        registry.ownership(assignment::owns);
    }

    /** A record another replica (or this one) wrote to a state topic. */
    void applyRemote(String topic, String key, byte[] value) {
        switch (topic) {
            case Topics.INGEST_FEEDS -> {
                Feed feed = FeedSubscriptionStore.decode(key, value);
                if (feed != null) {
                    registry.register(feed, FeedState.Origin.API);
                } else if (value == null) {
                    registry.get(key).filter(f -> f.origin() == FeedState.Origin.API).ifPresent(f -> registry.remove(key));
                }
            }
            case StateTopics.FEED_STATE -> registry.persistedState(key, FeedStateStore.decode(key, value));
            case Topics.INGEST_SEEN -> ledger.apply(key, SeenStateStore.decode(key, value));
            default -> { }
        }
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
            status.loading("loading feed state");
            // Before the subscriptions, so each feed registers with its validators, interval and backoff.
            var states = feedStateStore.loadAll();
            states.forEach(registry::persistedState);
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
            status.loading("joining the replicas' feed assignment group");
            startSharing();
            status.loaded(ledger.size());
            LOG.infof("Ingest state loaded: %d subscribed and %d configured feeds (%d with poll state), %d published"
                    + " articles (%d records)", persisted, configured.size(), states.size(), ledger.size(), records);
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
