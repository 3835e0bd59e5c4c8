package io.newsflow.ingest.pipeline;

import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.feed.FeedItem;
import io.newsflow.ingest.feed.FeedParseException;
import io.newsflow.ingest.feed.FeedParser;
import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.feed.ParsedFeed;
import io.newsflow.ingest.fetch.FetchException;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.messaging.IngestMetrics;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls every feed every {@code newsflow.ingest.poll-interval} on a pool of {@code newsflow.ingest.workers} threads
 * of its own (never the event loop). A once-a-second tick hands due feeds to the pool, so a feed added through the
 * API is polled within a second, a slow feed holds one worker only, and no feed is polled twice at once. A failing
 * feed backs off exponentially, up to 16 intervals or an hour.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final String ACCEPT_FEED =
            "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final FeedRegistry registry;
    private final HttpFetcher fetcher;
    private final FeedParser parser;
    private final ArticleIngester ingester;
    private final FailureReporter failures;
    private final IngestMetrics metrics;
    private final IngestStatus status;
    private final Clock clock;
    private final Duration interval;
    private final long maxFeedBytes;
    private final int maxItemsPerPoll;
    private final ExecutorService workers;

    public FeedPoller(FeedRegistry registry, HttpFetcher fetcher, FeedParser parser, ArticleIngester ingester,
                      FailureReporter failures, IngestMetrics metrics, IngestStatus status, Clock clock,
                      IngestConfig config) {
        this.registry = registry;
        this.fetcher = fetcher;
        this.parser = parser;
        this.ingester = ingester;
        this.failures = failures;
        this.metrics = metrics;
        this.status = status;
        this.clock = clock;
        this.interval = config.pollInterval();
        this.maxFeedBytes = config.fetch().maxFeedSize().asLongValue();
        this.maxItemsPerPoll = config.maxItemsPerPoll();
        this.workers = Executors.newFixedThreadPool(config.workers(), namedThreads());
    }

    /** Hands every due feed to the pool; does nothing until the seen state is loaded (dedup needs it). */
    @Scheduled(every = "1s", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!status.stateLoaded()) {
            return;
        }
        Instant now = clock.instant();
        for (FeedState feed : registry.all()) {
            if (feed.isDue(now) && feed.tryStartPoll()) {
                try {
                    workers.execute(() -> poll(feed));
                } catch (RejectedExecutionException e) {
                    feed.finishPoll(now); // shutting down
                }
            }
        }
    }

    /** One poll of one feed, start to end; never throws, always schedules the next poll. */
    void poll(FeedState feed) {
        Instant started = clock.instant();
        Duration next = interval;
        try {
            next = pollOnce(feed, started);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Unexpected failure polling %s", feed.feed().url());
            feed.failed(started, "internal-error: " + e);
        } finally {
            feed.finishPoll(clock.instant().plus(next));
        }
    }

    private Duration pollOnce(FeedState feed, Instant started) {
        String url = feed.feed().url();
        FetchResult result;
        try {
            result = fetcher.get(url, ACCEPT_FEED, maxFeedBytes, feed.validators());
        } catch (FetchException e) {
            metrics.poll("failed", e.status() == 0 ? "none" : String.valueOf(e.status()));
            feed.polled(started, e.status() == 0 ? null : e.status(), "failed", null);
            return feedFailed(feed, e.kind().code(), e.getMessage());
        }
        if (result.notModified()) {
            metrics.poll("not-modified", "304");
            feed.polled(started, 304, "not-modified", null);
            feed.feedSucceeded();
            return interval;
        }
        ParsedFeed parsed;
        try {
            parsed = parser.parse(result.body(), result.contentType());
        } catch (FeedParseException e) {
            metrics.poll("failed", String.valueOf(result.status()));
            feed.polled(started, result.status(), "failed", null);
            return feedFailed(feed, "feed-parse-error", e.getMessage());
        }
        metrics.poll("ok", String.valueOf(result.status()));
        feed.feedSucceeded();
        List<FeedItem> items = parsed.items().size() > maxItemsPerPoll
                ? parsed.items().subList(0, maxItemsPerPoll) : parsed.items();
        boolean retryPending = false;
        int published = 0;
        for (FeedItem item : items) {
            if (Thread.currentThread().isInterrupted()) {
                return interval; // shutting down
            }
            ArticleIngester.Outcome outcome = ingester.ingest(feed, item, parsed.language());
            retryPending |= outcome == ArticleIngester.Outcome.RETRY;
            published += outcome == ArticleIngester.Outcome.PUBLISHED ? 1 : 0;
        }
        // Keep the validators only when every item is settled; otherwise a 304 would hide the items still to retry.
        if (!retryPending) {
            feed.validators(result.validators());
        }
        feed.polled(started, result.status(), "ok", parsed.items().size());
        LOG.debugf("Polled %s: %d items, %d published", url, items.size(), published);
        return interval;
    }

    private Duration feedFailed(FeedState feed, String reason, String detail) {
        boolean news = feed.feedFailed(reason);
        String url = feed.feed().url();
        failures.report(feed, url, reason, detail, news);
        long factor = 1L << Math.min(feed.failureStreak() - 1, 4);
        Duration backoff = interval.multipliedBy(factor);
        Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
        return backoff.compareTo(cap) > 0 ? cap : backoff;
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
