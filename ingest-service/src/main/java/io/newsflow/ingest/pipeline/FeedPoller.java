package io.newsflow.ingest.pipeline;

import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.feed.FeedItem;
import io.newsflow.ingest.feed.FeedParseException;
import io.newsflow.ingest.feed.FeedParser;
import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.feed.FeedStateStore;
import io.newsflow.ingest.feed.ParsedFeed;
import io.newsflow.ingest.fetch.FetchException;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.messaging.IngestMetrics;
import io.newsflow.ingest.websub.WebSub;
import io.newsflow.ingest.websub.WebSubHubs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls the feeds this replica owns on a pool of {@code newsflow.ingest.workers} threads of its own (never the event
 * loop). A once-a-second tick hands due feeds to the pool, so a feed added through the API is polled within a second,
 * a slow feed holds one worker only, and no feed is polled twice at once. When a feed is due next is the
 * {@link PollPolicy}'s decision (adaptive interval, publisher hints, backoff, Retry-After); after every poll the feed's
 * state goes to {@code news.ingest.feed-state} so a restarted replica, or the one that takes the feed over, resumes
 * with conditional GETs and the same schedule.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    static final String ACCEPT_FEED = "application/rss+xml, application/atom+xml, application/feed+json;q=0.9, "
            + "application/rdf+xml;q=0.9, application/json;q=0.8, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

    private final FeedRegistry registry;
    private final HttpFetcher fetcher;
    private final FeedParser parser;
    private final ArticleIngester ingester;
    private final FailureReporter failures;
    private final IngestMetrics metrics;
    private final IngestStatus status;
    private final FeedStateStore stateStore;
    private final PollPolicy policy;
    private final WebSub webSub;
    private final DownstreamBacklog backlog;
    private final Clock clock;
    private final long maxFeedBytes;
    private final int maxItemsPerPoll;
    private final ExecutorService workers;
    /** Set at shutdown: no new poll starts, and a running poll stops after the article in hand. */
    private volatile boolean stopping;
    /** How long shutdown waits for in-flight articles (each ends with its publish acknowledged or failed). */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
    /** Longest a poll waits for the broker to acknowledge its articles before it counts them as to retry. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    public FeedPoller(FeedRegistry registry, HttpFetcher fetcher, FeedParser parser, ArticleIngester ingester,
                      FailureReporter failures, IngestMetrics metrics, IngestStatus status, FeedStateStore stateStore,
                      PollPolicy policy, WebSub webSub, DownstreamBacklog backlog, Clock clock, IngestConfig config) {
        this.registry = registry;
        this.fetcher = fetcher;
        this.parser = parser;
        this.ingester = ingester;
        this.failures = failures;
        this.metrics = metrics;
        this.status = status;
        this.stateStore = stateStore;
        this.policy = policy;
        this.webSub = webSub;
        this.backlog = backlog;
        this.clock = clock;
        this.maxFeedBytes = config.fetch().maxFeedSize().asLongValue();
        this.maxItemsPerPoll = config.maxItemsPerPoll();
        this.workers = Executors.newFixedThreadPool(config.workers(), namedThreads());
    }

    /**
     * Hands every due feed this replica owns to the pool; nothing until the state is loaded (dedup needs it), nor while
     * downstream is too far behind ({@link DownstreamBacklog}; the feeds stay due and are polled once it drains).
     */
    @Scheduled(every = "1s", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping || !status.stateLoaded() || backlog.paused()) {
            return;
        }
        Instant now = clock.instant();
        for (FeedState feed : registry.owned()) {
            if (feed.isDue(now) && feed.tryStartPoll()) {
                try {
                    workers.execute(() -> poll(feed));
                } catch (RejectedExecutionException e) {
                    feed.finishPoll(now); // shutting down
                }
            }
        }
    }

    /** One poll of one feed, start to end; never throws, always schedules the next poll and persists the state. */
    void poll(FeedState feed) {
        Instant started = clock.instant();
        Duration next = feed.interval() == null ? policy.initial() : feed.interval();
        MDC.put(ArticleIngester.MDC_FEED_URL, feed.feed().url());
        try {
            next = pollOnce(feed, started);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Unexpected failure polling %s", feed.feed().url());
            feed.failed(started, "internal-error: " + e);
        } finally {
            feed.finishPoll(clock.instant().plus(next));
            persist(feed);
            MDC.remove(ArticleIngester.MDC_FEED_URL);
        }
    }

    private void persist(FeedState feed) {
        if (registry.get(feed.feed().id()).orElse(null) != feed) {
            return; // unsubscribed or handed to another replica while polling: do not resurrect its state
        }
        // Not awaited: the schedule lives on in memory; only a restart before the next successful write loses it.
        String url = feed.feed().url();
        stateStore.saveInBackground(feed.snapshot(clock.instant()), failure ->
                LOG.warnf("Could not persist the state of feed %s: %s", url, failure.toString()));
    }

    private Duration pollOnce(FeedState feed, Instant started) {
        String url = feed.feed().url();
        Duration healthy = feed.interval() == null ? policy.initial() : feed.interval();
        FetchResult result;
        long fetchStart = System.nanoTime();
        try {
            result = fetcher.get(url, ACCEPT_FEED, maxFeedBytes, feed.validators());
            metrics.fetchLatency("feed", "ok", Duration.ofNanos(System.nanoTime() - fetchStart));
            metrics.bytes("feed", result.wireBytes());
        } catch (FetchException e) {
            metrics.fetchLatency("feed", "failed", Duration.ofNanos(System.nanoTime() - fetchStart));
            if (e.kind() == FetchException.Kind.HOST_THROTTLED) {
                // Our own politeness, not the feed's fault: come back when the host's turn is due.
                metrics.poll("deferred", "none");
                feed.polled(started, null, "deferred", null);
                return e.retryAfter().orElse(Duration.ofSeconds(1));
            }
            Integer status = e.status() == 0 ? null : e.status();
            metrics.poll("failed", status == null ? "none" : String.valueOf(status));
            feed.polled(started, status, "failed", null);
            feedFailed(feed, e.kind().code(), e.getMessage(), status);
            return policy.afterFailure(healthy, feed.failureStreak(), e.retryAfter().orElse(null));
        }
        if (result.notModified()) {
            metrics.poll("not-modified", "304");
            feed.polled(started, 304, "not-modified", null);
            feed.feedSucceeded();
            Duration interval = policy.afterNotModified(healthy, result.maxAge());
            feed.interval(interval);
            return feed.pushed(clock.instant()) ? longer(interval, webSub.safetyNetInterval()) : interval;
        }
        ParsedFeed parsed;
        try {
            parsed = parser.parse(result.body(), result.contentType());
        } catch (FeedParseException e) {
            metrics.poll("failed", String.valueOf(result.status()));
            feed.polled(started, result.status(), "failed", null);
            feedFailed(feed, "feed-parse-error", e.getMessage(), result.status());
            return policy.afterFailure(healthy, feed.failureStreak(), null);
        }
        metrics.poll("ok", String.valueOf(result.status()));
        feed.feedSucceeded();
        feed.described(parsed.title(), parsed.format());
        if (parsed.repaired() != null) {
            LOG.debugf("Feed %s needed repairs: %s", url, parsed.repaired());
        }
        List<FeedItem> items = parsed.items().size() > maxItemsPerPoll
                ? parsed.items().subList(0, maxItemsPerPoll) : parsed.items();
        Tally tally = ingestItems(feed, items, parsed.language());
        // Keep the validators only when every item is settled; otherwise a 304 would hide the items still to retry.
        if (!tally.retryPending) {
            feed.validators(result.validators());
        }
        feed.polled(started, result.status(), "ok", parsed.items().size());
        Duration hint = longer(result.maxAge(), parsed.refreshHint());
        Duration interval = policy.afterSuccess(healthy, items.stream().map(FeedItem::changeDate).toList(), tally.fresh,
                hint, clock.instant());
        feed.interval(interval);
        subscribeAtHub(feed, parsed);
        LOG.debugf("Polled %s: %d items, %d new, %d revised; next in %s", url, items.size(), tally.published,
                tally.revised, interval);
        return feed.pushed(clock.instant()) ? longer(interval, webSub.safetyNetInterval()) : interval;
    }

    /** Counts of one batch of items. */
    private static final class Tally {
        int published;
        int revised;
        int duplicates;
        int fresh;
        boolean retryPending;
    }

    /**
     * Ingests the items one after the other without waiting for the broker between them (their records travel in
     * few produce requests), then waits until every record of the poll is acknowledged or refused: a poll ends, and
     * keeps the feed's validators, only when its articles are settled.
     */
    private Tally ingestItems(FeedState feed, List<FeedItem> items, String language) {
        List<CompletableFuture<ArticleIngester.Outcome>> outcomes = new ArrayList<>(items.size());
        for (FeedItem item : items) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                break; // shutting down: the items left are still unseen, so the next poll (any replica) takes them
            }
            outcomes.add(ingester.ingest(feed, item, language).outcome());
        }
        Tally tally = new Tally();
        long deadline = System.nanoTime() + PUBLISH_TIMEOUT.toNanos();
        for (CompletableFuture<ArticleIngester.Outcome> pending : outcomes) {
            ArticleIngester.Outcome outcome = await(pending, deadline);
            switch (outcome) {
                case PUBLISHED -> tally.published++;
                case REVISED -> tally.revised++;
                case SKIPPED, UNCHANGED -> tally.duplicates++;
                case RETRY -> tally.retryPending = true;
                case FAILED -> { }
            }
            if (outcome == ArticleIngester.Outcome.PUBLISHED || outcome == ArticleIngester.Outcome.REVISED) {
                feed.published();
            }
            tally.fresh += outcome == ArticleIngester.Outcome.SKIPPED ? 0 : 1;
        }
        metrics.items("new", tally.published);
        metrics.items("revised", tally.revised);
        metrics.items("duplicate", tally.duplicates);
        feed.items(tally.published, tally.revised, tally.duplicates);
        return tally;
    }

    /**
     * Subscribes at the feed's WebSub hub when it advertises one and no lease is running (or 90 % of it has passed);
     * a hub that fails is retried at the next poll, and the feed keeps being polled meanwhile.
     */
    private void subscribeAtHub(FeedState feed, ParsedFeed parsed) {
        if (parsed.hub() == null || webSub.hubs().isEmpty()) {
            return;
        }
        WebSubHubs hubs = webSub.hubs().get();
        Instant now = clock.instant();
        Instant until = feed.webSubLeaseUntil();
        if (parsed.hub().equals(feed.webSubHub()) && until != null
                && now.isBefore(until.minus(hubs.lease().dividedBy(10)))) {
            return;
        }
        String topic = parsed.self() != null ? parsed.self() : feed.feed().url();
        try {
            hubs.subscribe(parsed.hub(), topic, feed.feed().id());
            feed.webSub(parsed.hub(), now.plus(hubs.lease()));
            LOG.infof("Asked WebSub hub %s to push %s", parsed.hub(), topic);
        } catch (FetchException e) {
            feed.webSub(null, null);
            LOG.warnf("WebSub subscription for %s at %s failed: %s", feed.feed().url(), parsed.hub(), e.getMessage());
        }
    }

    /**
     * Content a hub pushed for a feed (signature already checked): its items go through the same pipeline as a
     * poll's, on the worker pool; dedup makes a later poll of the same items a no-op.
     */
    public void pushed(FeedState feed, byte[] body, String contentType) {
        try {
            workers.execute(() -> {
                try {
                    ParsedFeed parsed = parser.parse(body, contentType);
                    metrics.poll("pushed", "none");
                    List<FeedItem> items = parsed.items().size() > maxItemsPerPoll
                            ? parsed.items().subList(0, maxItemsPerPoll) : parsed.items();
                    Tally tally = ingestItems(feed, items, parsed.language());
                    LOG.debugf("WebSub push for %s: %d items, %d new", feed.feed().url(), items.size(), tally.published);
                } catch (FeedParseException e) {
                    failures.report(feed, feed.feed().url(), "websub-parse-error", e.getMessage(), true);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Unexpected failure handling a WebSub push for %s", feed.feed().url());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debugf("Dropping a WebSub push for %s: shutting down", feed.feed().url());
        }
    }

    /**
     * An item's outcome, or RETRY when the broker has not answered by the deadline: the record may still be
     * acknowledged later (the seen state follows then), else the next poll publishes it.
     */
    private static ArticleIngester.Outcome await(CompletableFuture<ArticleIngester.Outcome> outcome, long deadline) {
        try {
            return outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ArticleIngester.Outcome.RETRY;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("No answer from the broker for an article of this poll: %s", e.toString());
            return ArticleIngester.Outcome.RETRY;
        }
    }

    private void feedFailed(FeedState feed, String reason, String detail, Integer status) {
        boolean news = feed.feedFailed(reason, status);
        failures.report(feed, feed.feed().url(), reason, detail, news);
    }

    private static Duration longer(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Graceful shutdown, before the Kafka clients close: stop starting polls, let each worker finish the article in
     * hand and wait for its poll's acknowledgements (the seen state is queued by then and flushed when the state
     * producer closes), then interrupt whatever is still running.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        drain(DRAIN_TIMEOUT);
    }

    /** @return true when every worker finished within the timeout */
    boolean drain(Duration timeout) {
        stopping = true;
        workers.shutdown();
        try {
            if (workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("Feed polling stopped; in-flight articles finished");
                return true;
            }
            LOG.warnf("Feed workers still busy after %s; interrupting them", timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        return false;
    }

    boolean stopping() {
        return stopping;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Feed workers did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "feed-poller-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
