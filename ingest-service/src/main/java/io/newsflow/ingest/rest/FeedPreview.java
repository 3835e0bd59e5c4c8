package io.newsflow.ingest.rest;

import io.newsflow.ingest.feed.FeedItem;
import io.newsflow.ingest.feed.ParsedFeed;

import java.time.Instant;
import java.util.List;

/**
 * Response of POST /api/feeds/preview: a feed as the poller would read it, nothing subscribed.
 *
 * @param repaired what had to be repaired to read the feed, null when it is well-formed
 */
public record FeedPreview(String format, String title, String language, String hub, String repaired,
                          List<Item> items) {

    /** One entry: the fields the pipeline uses. */
    public record Item(String title, String link, String id, Instant published, Instant updated, List<String> authors,
                       String summary, List<String> categories, String imageUrl) {
    }

    static FeedPreview of(ParsedFeed feed) {
        return new FeedPreview(feed.format(), feed.title(), feed.language(), feed.hub(), feed.repaired(),
                feed.items().stream().map(FeedPreview::item).toList());
    }

    private static Item item(FeedItem i) {
        return new Item(i.title(), i.link(), i.id(), i.publishedAt(), i.updatedAt(), i.authors(), i.summary(),
                i.categories(), i.imageUrl());
    }
}
