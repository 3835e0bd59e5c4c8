package io.newsflow.ingest.dedup;

import java.time.Instant;

/**
 * The value on {@link io.newsflow.contracts.Topics#INGEST_SEEN}. Two shapes share the topic:
 * <ul>
 *   <li>key = article id: {@code contentHash}, {@code revision} and {@code itemDate} of what was last published;</li>
 *   <li>key = id of a feed link whose page declared another canonical URL: {@code aliasOf} = the article id, so the
 *       next poll recognises the link without fetching the page again.</li>
 * </ul>
 *
 * @param contentHash SHA-256 hex of title + "\n" + text, as published
 * @param revision    revision last published
 * @param itemDate    the feed item's updated/published date when last processed; a newer one triggers a refetch
 * @param aliasOf     set only on alias records
 */
public record SeenRecord(String contentHash, int revision, Instant itemDate, String aliasOf) {

    public static SeenRecord published(String contentHash, int revision, Instant itemDate) {
        return new SeenRecord(contentHash, revision, itemDate, null);
    }

    public static SeenRecord alias(String articleId, Instant itemDate) {
        return new SeenRecord(null, 0, itemDate, articleId);
    }

    public boolean isAlias() {
        return aliasOf != null;
    }
}
