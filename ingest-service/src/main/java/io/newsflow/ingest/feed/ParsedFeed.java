package io.newsflow.ingest.feed;

import java.util.List;

/**
 * A parsed feed.
 *
 * @param format   Rome's name of the wire format, e.g. "rss_2.0", "atom_1.0", "rss_1.0"
 * @param title    feed title, may be null
 * @param language language the feed declares, may be null
 * @param items    entries in feed order
 */
public record ParsedFeed(String format, String title, String language, List<FeedItem> items) {

    public ParsedFeed {
        items = List.copyOf(items);
    }
}
