package io.newsflow.ingest.rest;

import io.newsflow.ingest.feed.FeedView;

import java.util.List;

/** Response of POST /api/feeds for a site page: the feeds it advertises, now subscribed. */
public record DiscoveredFeeds(String site, List<FeedView> feeds) {
}
