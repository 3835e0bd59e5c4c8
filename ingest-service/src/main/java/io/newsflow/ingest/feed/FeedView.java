package io.newsflow.ingest.feed;

import java.time.Instant;

/**
 * A feed and its health as the API shows it.
 *
 * @param lastStatus        HTTP status of the last poll, null when no response came
 * @param lastResult        ok, not-modified or failed
 * @param lastError         the last feed or page failure, kept after later successes so it can be seen
 * @param itemsSeen         items in the feed at the last successful poll
 * @param articlesPublished articles published from this feed since the service started
 */
public record FeedView(String id, String url, Instant addedAt, String origin, Instant lastPolledAt, Integer lastStatus,
                       String lastResult, String lastError, Instant lastErrorAt, long polls, int itemsSeen,
                       long articlesPublished, Instant nextPollAt) {
}
