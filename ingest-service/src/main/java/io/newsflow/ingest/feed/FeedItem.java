package io.newsflow.ingest.feed;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, whatever the format.
 *
 * @param link        the article link (RSS link, Atom alternate link, or a permalink guid), may be null
 * @param title       plain-text title, may be null
 * @param summary     plain-text summary/description, may be null
 * @param authors     author names without "By"
 * @param publishedAt publication date the feed gives, may be null
 * @param updatedAt   last update date the feed gives, may be null
 */
public record FeedItem(String link, String title, String summary, List<String> authors, Instant publishedAt,
                       Instant updatedAt) {

    public FeedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** The date that changes when the item changes: updated when given, else published; null when neither. */
    public Instant changeDate() {
        return updatedAt != null ? updatedAt : publishedAt;
    }
}
