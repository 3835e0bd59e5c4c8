package io.newsflow.ingest.pipeline;

import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.messaging.DeadLetterPublisher;
import io.newsflow.ingest.messaging.IngestMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Bad input, handled one way everywhere: counted, logged with the URL, shown in the feed's health, dead-lettered. */
@ApplicationScoped
public class FailureReporter {

    private static final Logger LOG = Logger.getLogger(FailureReporter.class);

    private final IngestMetrics metrics;
    private final DeadLetterPublisher deadLetters;
    private final Clock clock;

    public FailureReporter(IngestMetrics metrics, DeadLetterPublisher deadLetters, Clock clock) {
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /**
     * @param url        the feed or page that failed
     * @param reason     low-cardinality code (metric tag, dead-letter reason)
     * @param detail     what happened
     * @param deadLetter false for a repeat of a failure already dead-lettered
     */
    public void report(FeedState feed, String url, String reason, String detail, boolean deadLetter) {
        metrics.failed(reason);
        String feedUrl = feed.feed().url();
        LOG.warnf("Ingest failed (%s) for %s of feed %s: %s", reason, url, feedUrl, detail);
        feed.failed(clock.instant(), reason + ": " + detail + (url.equals(feedUrl) ? "" : " [" + url + "]"));
        if (deadLetter) {
            deadLetters.send(url, feedUrl, reason, detail);
        }
    }
}
