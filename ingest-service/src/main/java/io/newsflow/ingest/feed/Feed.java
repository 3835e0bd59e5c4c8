package io.newsflow.ingest.feed;

import io.newsflow.contracts.ArticleIds;

import java.time.Instant;

/**
 * A feed subscription; the value on news.ingest.feeds (key = id).
 *
 * @param id      {@code ArticleIds.idFor(url)}: the same URL (up to tracking parameters and case) is the same feed
 * @param url     the feed URL as given
 * @param addedAt when it was subscribed
 */
public record Feed(String id, String url, Instant addedAt) {

    public static Feed of(String url, Instant addedAt) {
        return new Feed(ArticleIds.idFor(url), url.strip(), addedAt);
    }
}
