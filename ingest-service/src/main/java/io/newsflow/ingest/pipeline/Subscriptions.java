package io.newsflow.ingest.pipeline;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.feed.Feed;
import io.newsflow.ingest.feed.FeedDiscovery;
import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.feed.FeedStateStore;
import io.newsflow.ingest.feed.FeedSubscriptionStore;
import io.newsflow.ingest.fetch.FetchException;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.HttpFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Subscribing and unsubscribing, for the API and the OPML import: validate the URL (canonical form, SSRF guard),
 * discover the feeds of a site page, persist to news.ingest.feeds, register for polling.
 */
@ApplicationScoped
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class);

    /** A URL that cannot be subscribed; {@code code} is the API's error code. */
    public static final class Rejected extends Exception {
        private final String code;

        public Rejected(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The store (Kafka) could not take the change. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A subscription made or found. */
    public record Subscribed(FeedState state, boolean created) {
    }

    private final FeedRegistry registry;
    private final FeedSubscriptionStore store;
    private final FeedStateStore feedStates;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private final long maxFeedBytes;

    public Subscriptions(FeedRegistry registry, FeedSubscriptionStore store, FeedStateStore feedStates,
                         HttpFetcher fetcher, Clock clock, IngestConfig config) {
        this.registry = registry;
        this.store = store;
        this.feedStates = feedStates;
        this.fetcher = fetcher;
        this.clock = clock;
        this.maxFeedBytes = config.fetch().maxFeedSize().asLongValue();
    }

    /** Checks a URL without fetching it: canonical form and the SSRF guard. */
    public void check(String url) throws Rejected {
        try {
            ArticleIds.canonicalize(url);
            fetcher.guard().check(url);
        } catch (IllegalArgumentException e) {
            throw new Rejected("invalid-url", e.getMessage());
        } catch (FetchException e) {
            throw new Rejected(e.kind().code(), e.getMessage());
        }
    }

    /**
     * The feeds to subscribe for a URL: the feeds a site page advertises (autodiscovery), else the URL itself. A URL
     * that cannot be fetched now is taken as given: the feed may be down for a while, and its health will say so.
     */
    public List<String> resolve(String url) throws Rejected {
        check(url);
        if (registry.get(ArticleIds.idFor(url)).isPresent()) {
            return List.of(url); // subscribed already: nothing to discover
        }
        FetchResult page;
        try {
            page = fetcher.get(url, FeedPoller.ACCEPT_FEED + ", text/html;q=0.5", maxFeedBytes, null);
        } catch (FetchException e) {
            return List.of(url);
        }
        if (!FeedDiscovery.isHtml(page.body(), page.contentType())) {
            return List.of(url);
        }
        List<String> feeds = new ArrayList<>();
        for (String found : FeedDiscovery.feeds(page.body(), page.contentType(), page.uri().toString())) {
            try {
                check(found);
                feeds.add(found);
            } catch (Rejected e) {
                LOG.debugf("Ignoring discovered feed %s of %s: %s", found, url, e.getMessage());
            }
        }
        if (feeds.isEmpty()) {
            throw new Rejected("no-feed-found", "The page " + url + " is HTML and advertises no feed"
                    + " (<link rel=\"alternate\" type=\"application/rss+xml\" …>)");
        }
        return feeds;
    }

    /** Subscribes one checked feed URL; idempotent. */
    public Subscribed subscribe(String url) throws Rejected, Unavailable {
        check(url);
        Feed feed = Feed.of(url, clock.instant());
        var existing = registry.get(feed.id());
        if (existing.isPresent()) {
            return new Subscribed(existing.get(), false);
        }
        try {
            store.save(feed);
        } catch (TimeoutException | RuntimeException e) {
            LOG.errorf("Cannot store subscription to %s: %s", url, e.toString());
            throw new Unavailable("Cannot store the subscription now; try again", e);
        }
        // The state tail may have registered it from our own write already: it is still this request that created it.
        FeedRegistry.Registration registration = registry.register(feed, FeedState.Origin.API);
        LOG.infof("Subscribed to feed %s (%s)", url, feed.id());
        return new Subscribed(registration.state(), true);
    }

    /** Unsubscribes a feed added through the API. */
    public void unsubscribe(FeedState state) throws Unavailable {
        String id = state.feed().id();
        try {
            store.delete(id);
        } catch (TimeoutException | RuntimeException e) {
            LOG.errorf("Cannot remove subscription %s: %s", id, e.toString());
            throw new Unavailable("Cannot store the change now; try again", e);
        }
        registry.remove(id);
        try {
            feedStates.delete(id);
        } catch (TimeoutException | RuntimeException e) {
            LOG.warnf("Cannot forget the poll state of %s: %s", id, e.toString()); // harmless: never read back
        }
        LOG.infof("Unsubscribed feed %s (%s)", state.feed().url(), id);
    }
}
