package io.newsflow.ingest.feed;

import java.time.Duration;
import java.util.List;

/**
 * A parsed feed.
 *
 * @param format      the wire format, e.g. "rss_2.0", "atom_1.0", "rss_1.0" (Rome's names), "json_feed_1.1"
 * @param title       feed title, may be null
 * @param language    language the feed declares, may be null
 * @param items       entries in feed order
 * @param refreshHint how often the publisher says the feed changes (RSS ttl, sy:updatePeriod/Frequency), may be null
 * @param hub         a WebSub hub the feed advertises (link rel=hub), may be null
 * @param self        the feed's own URL as it declares it (link rel=self, JSON Feed feed_url), may be null
 * @param repaired    what had to be repaired to read it (bare '&amp;', HTML entities, …), null when well-formed
 */
public record ParsedFeed(String format, String title, String language, List<FeedItem> items, Duration refreshHint,
                         String hub, String self, String repaired) {

    public ParsedFeed {
        items = List.copyOf(items);
    }

    public ParsedFeed(String format, String title, String language, List<FeedItem> items) {
        this(format, title, language, items, null, null, null, null);
    }
}
