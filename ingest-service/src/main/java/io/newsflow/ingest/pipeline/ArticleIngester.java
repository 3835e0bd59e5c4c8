package io.newsflow.ingest.pipeline;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.RawArticle;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.dedup.SeenLedger;
import io.newsflow.ingest.dedup.SeenRecord;
import io.newsflow.ingest.dedup.SeenStateStore;
import io.newsflow.ingest.extract.ArticleExtractor;
import io.newsflow.ingest.extract.ExtractedPage;
import io.newsflow.ingest.feed.FeedItem;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.fetch.FetchException;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.messaging.IngestMetrics;
import io.newsflow.ingest.messaging.RawArticlePublisher;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Takes one feed item to a published RawArticle: dedup check on the link, page fetch, extraction, canonical id,
 * content hash, revision decision, publish, then the seen state once the broker acknowledged. The broker's
 * acknowledgement is not awaited here: the caller goes on with the next item while the record is on its way (the
 * producer batches a poll's records into few requests) and collects the outcomes at the end of the poll.
 */
@ApplicationScoped
public class ArticleIngester {

    /** What became of an item. */
    public enum Outcome {
        /** Published as revision 1. */
        PUBLISHED,
        /** Published as a new revision of a known article. */
        REVISED,
        /** Known and not newer: not fetched. */
        SKIPPED,
        /** Fetched again, same content: not republished. */
        UNCHANGED,
        /** Failed; will be tried again on a later poll. */
        RETRY,
        /** Failed for good (for this item date). */
        FAILED
    }

    private static final Logger LOG = Logger.getLogger(ArticleIngester.class);
    /** MDC keys: every log line about an article names it and its feed (JSON logs carry the MDC as fields). */
    public static final String MDC_ARTICLE_ID = "articleId";
    public static final String MDC_FEED_URL = "feedUrl";
    private static final String ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
    /** Feed content shorter than this is a teaser, not the article. */
    static final int MIN_FEED_CONTENT_CHARS = 200;

    private final HttpFetcher fetcher;
    private final ArticleExtractor extractor;
    private final SeenLedger ledger;
    private final SeenStateStore seenStore;
    private final RawArticlePublisher publisher;
    private final FailureReporter failures;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final long maxPageBytes;

    public ArticleIngester(HttpFetcher fetcher, ArticleExtractor extractor, SeenLedger ledger, SeenStateStore seenStore,
                           RawArticlePublisher publisher, FailureReporter failures, IngestMetrics metrics, Clock clock,
                           IngestConfig config) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.ledger = ledger;
        this.seenStore = seenStore;
        this.publisher = publisher;
        this.failures = failures;
        this.metrics = metrics;
        this.clock = clock;
        this.maxPageBytes = config.fetch().maxPageSize().asLongValue();
    }

    /**
     * An item's outcome to come: for an item being published it completes once the broker acknowledged or refused
     * the record (the seen state is queued by then), never exceptionally. Deliberately not a CompletionStage itself:
     * the tracing interceptor would then end the span, and close its scope, on the producer's thread, and the next
     * item on this thread would join the previous item's trace.
     */
    public record Pending(CompletableFuture<Outcome> outcome) {
    }

    /**
     * One item, fetch to publish, in a span of its own (fetch, extraction and handing the record to the producer):
     * the RawArticle record carries that span's W3C {@code traceparent}, so enrich and store continue the same trace.
     */
    @WithSpan("ingest article")
    public Pending ingest(FeedState feed, FeedItem item, String feedLanguage) {
        Object previousFeed = MDC.put(MDC_FEED_URL, feed.feed().url());
        try {
            return new Pending(ingestItem(feed, item, feedLanguage).toCompletableFuture());
        } finally {
            MDC.remove(MDC_ARTICLE_ID);
            restore(MDC_FEED_URL, previousFeed);
        }
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    private CompletionStage<Outcome> ingestItem(FeedState feed, FeedItem item, String feedLanguage) {
        String feedUrl = feed.feed().url();
        Span.current().setAttribute("newsflow.feed.url", feedUrl);
        if (item.link() == null) {
            String what = item.title() == null ? "an item without title" : "item '" + item.title() + "'";
            failures.report(feed, feedUrl, "item-without-link", "Feed has " + what + " without an http(s) link", false);
            return settled(Outcome.FAILED);
        }
        String link = item.link();
        String linkId;
        try {
            linkId = ArticleIds.idFor(link);
        } catch (IllegalArgumentException e) {
            failures.report(feed, link, "invalid-url", e.getMessage(), true);
            return settled(Outcome.FAILED);
        }
        MDC.put(MDC_ARTICLE_ID, linkId);
        Instant itemDate = item.changeDate();
        if (!ledger.needsFetch(linkId, itemDate)) {
            return settled(Outcome.SKIPPED);
        }
        metrics.itemIn();

        FetchResult page;
        long started = System.nanoTime();
        try {
            page = fetcher.get(link, ACCEPT_HTML, maxPageBytes, null);
            metrics.fetchLatency("page", "ok", java.time.Duration.ofNanos(System.nanoTime() - started));
            metrics.bytes("page", page.wireBytes());
        } catch (FetchException e) {
            metrics.fetchLatency("page", "failed", java.time.Duration.ofNanos(System.nanoTime() - started));
            return settled(failed(feed, linkId, itemDate, link, e.kind().code(), e.getMessage(), e.kind().retriable()));
        }
        if (!looksLikeHtml(page.contentType())) {
            return settled(failed(feed, linkId, itemDate, link, "not-html", "Page is " + page.contentType() + ", not HTML",
                    false));
        }
        ExtractedPage extracted;
        try {
            extracted = extractor.extract(page.body(), page.contentType(), page.uri().toString());
        } catch (RuntimeException e) {
            // jsoup copes with any tag soup; reaching this means a bug worth the stack trace, but only for this page.
            LOG.errorf(e, "Extractor failed on %s", link);
            return settled(failed(feed, linkId, itemDate, link, "extract-error", e.toString(), false));
        }
        String title = extracted.title() != null ? extracted.title() : item.title();
        String text = extracted.text();
        if (text.isBlank() && item.contentText() != null && item.contentText().length() >= MIN_FEED_CONTENT_CHARS) {
            // The page hides its text (script-rendered, consent wall) but the feed carries it (content:encoded).
            text = item.contentText();
        }
        if (text.isBlank()) {
            return settled(failed(feed, linkId, itemDate, link, "no-main-text", "No article text found in the page", false));
        }
        if (title == null) {
            return settled(failed(feed, linkId, itemDate, link, "no-title", "Neither the page nor the feed gives a title",
                    false));
        }
        ledger.clearFailures(linkId);

        String canonical = canonicalUrl(extracted.canonicalUrl(), page.uri(), link);
        String articleId = ArticleIds.idFor(canonical);
        MDC.put(MDC_ARTICLE_ID, articleId);
        Span.current().setAttribute("newsflow.article.id", articleId);
        String contentHash = contentHash(title, text);
        SeenLedger.Decision decision = ledger.decide(articleId, contentHash);
        if (!decision.publish()) {
            if (decision.outcome() == SeenLedger.Outcome.UNCHANGED) {
                persist(articleId, ledger.touched(articleId, itemDate));
                persistAlias(linkId, articleId, itemDate);
                return settled(Outcome.UNCHANGED);
            }
            return settled(Outcome.SKIPPED); // another worker is publishing it right now
        }

        RawArticle article = new RawArticle(RawArticle.SCHEMA_VERSION, articleId, link, canonical, source(canonical),
                feedUrl, title, text,
                extracted.description() != null ? extracted.description() : item.summary(),
                extracted.authors().isEmpty() ? item.authors() : extracted.authors(),
                extracted.publishedAt() != null ? extracted.publishedAt() : item.publishedAt() != null
                        ? item.publishedAt() : item.updatedAt(),
                clock.instant(),
                extracted.languageHint() != null ? extracted.languageHint() : primaryLanguage(feedLanguage),
                contentHash, decision.revision());
        // Runs on the producer's thread once the broker answered: the seen state follows the acknowledgement only.
        return publisher.publish(article).handle((acknowledged, failure) -> {
            if (failure != null) {
                ledger.release(articleId);
                // Not bad input: the broker is unavailable. Counted and logged; the next poll tries again.
                metrics.failed("publish-failed");
                LOG.errorf("Could not publish %s (%s) from feed %s: %s", articleId, link, feedUrl, failure.toString());
                feed.failed(clock.instant(), "publish-failed: " + failure.getMessage() + " [" + link + "]");
                return Outcome.RETRY;
            }
            persist(articleId, ledger.published(articleId, contentHash, decision.revision(), itemDate));
            persistAlias(linkId, articleId, itemDate);
            metrics.articleOut();
            LOG.debugf("Published %s rev %d (%s) from %s", articleId, decision.revision(), canonical, feedUrl);
            return decision.revision() > 1 ? Outcome.REVISED : Outcome.PUBLISHED;
        });
    }

    private static CompletionStage<Outcome> settled(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    private Outcome failed(FeedState feed, String linkId, Instant itemDate, String link, String reason, String detail,
                           boolean transientFailure) {
        boolean again = ledger.failedAttempt(linkId, itemDate, transientFailure);
        // One dead letter per page version: on the last attempt, or at once when retrying cannot help.
        failures.report(feed, link, reason, detail, !again);
        return again ? Outcome.RETRY : Outcome.FAILED;
    }

    private void persistAlias(String linkId, String articleId, Instant itemDate) {
        if (!linkId.equals(articleId)) {
            persist(linkId, ledger.alias(linkId, articleId, itemDate));
        }
    }

    /**
     * Queues the seen record without waiting for the broker (the producer batches it with others); a write that
     * fails is logged. This replica remembers the record in memory; only after a restart before a later write could
     * the article be published once more, which consumers absorb (they upsert by id).
     */
    private void persist(String key, SeenRecord record) {
        if (record == null) {
            return;
        }
        seenStore.saveInBackground(key, record, failure ->
                LOG.errorf("Could not persist seen state for %s: %s", key, failure.toString()));
    }

    /** rel=canonical when usable, else the URL the page was finally served from, else the feed's link. */
    static String canonicalUrl(String declared, URI finalUri, String link) {
        for (String candidate : new String[] {declared, finalUri == null ? null : finalUri.toString()}) {
            if (candidate != null) {
                try {
                    return ArticleIds.canonicalize(candidate);
                } catch (IllegalArgumentException ignored) {
                    // fall through to the next candidate
                }
            }
        }
        return ArticleIds.canonicalize(link);
    }

    static String contentHash(String title, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((title + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }

    static String source(String canonicalUrl) {
        String host = URI.create(canonicalUrl).getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static boolean looksLikeHtml(String contentType) {
        if (contentType == null) {
            return true; // sniffing is jsoup's job; a missing header is common on small sites
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("html") || type.startsWith("text/plain") || type.contains("xml");
    }

    private static String primaryLanguage(String language) {
        if (language == null) {
            return null;
        }
        List<String> parts = List.of(language.strip().split("[-_]"));
        String primary = parts.getFirst().toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }
}
