package io.newsflow.ingest.feed;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, whatever the format.
 *
 * @param link        the article link (RSS link, Atom alternate link, JSON Feed url, or a permalink guid), may be null
 * @param title       plain-text title, may be null
 * @param summary     plain-text summary/description, may be null
 * @param authors     author names without "By" (RSS author, dc:creator, Atom/JSON Feed authors)
 * @param publishedAt publication date the feed gives (pubDate, dc:date, Atom published), may be null
 * @param updatedAt   last update date the feed gives, may be null
 * @param id          the item's own identifier (RSS guid, Atom id, JSON Feed id), may be null
 * @param contentText plain text of the full content the feed carries (content:encoded, Atom content, JSON Feed
 *                    content_html/content_text), the fallback when the page yields no text; may be null
 * @param categories  categories / tags, in feed order
 * @param imageUrl    the item's image (media:content/thumbnail, an image enclosure, JSON Feed image), may be null
 */
public record FeedItem(String link, String title, String summary, List<String> authors, Instant publishedAt,
                       Instant updatedAt, String id, String contentText, List<String> categories, String imageUrl) {

    public FeedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public FeedItem(String link, String title, String summary, List<String> authors, Instant publishedAt,
                    Instant updatedAt) {
        this(link, title, summary, authors, publishedAt, updatedAt, null, null, List.of(), null);
    }

    /** The date that changes when the item changes: updated when given, else published; null when neither. */
    public Instant changeDate() {
        return updatedAt != null ? updatedAt : publishedAt;
    }
}
