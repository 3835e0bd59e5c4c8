package io.newsflow.ingest.feed;

import java.time.Instant;

/**
 * A feed and its health as the API shows it.
 *
 * @param title                   feed title from the last successful parse, may be null
 * @param format                  wire format of the last successful parse (rss_2.0, atom_1.0, json_feed_1.1, …)
 * @param lastSuccessAt           last poll that got the feed or a 304
 * @param lastStatus              HTTP status of the last poll, null when no response came
 * @param lastResult              ok, not-modified, deferred or failed
 * @param lastError               the last feed or page failure, kept after later successes so it can be seen
 * @param lastErrorStatus         HTTP status of the last failed poll, null when no response came
 * @param failureStreak           consecutive failed polls (the backoff grows with it)
 * @param itemsSeen               items in the feed at the last successful poll
 * @param itemsNew                items whose article was published for the first time
 * @param itemsRevised            items whose article changed and was published as a new revision
 * @param itemsDuplicate          items already known (same article, same content, or another feed's)
 * @param articlesPublished       articles published from this feed
 * @param pollIntervalSeconds     current poll interval, adapted to the feed's item rate and the publisher's hints
 * @param nextPollAt              when the feed is polled next
 * @param webSubHub               the WebSub hub pushing the feed to us, null when it is only polled
 * @param webSubLeaseUntil        end of the hub subscription's lease (renewed before)
 */
public record FeedView(String id, String url, Instant addedAt, String origin, String title, String format,
                       Instant lastPolledAt, Instant lastSuccessAt, Integer lastStatus, String lastResult,
                       String lastError, Instant lastErrorAt, Integer lastErrorStatus, int failureStreak, long polls,
                       int itemsSeen, long itemsNew, long itemsRevised, long itemsDuplicate, long articlesPublished,
                       Long pollIntervalSeconds, Instant nextPollAt, String webSubHub, Instant webSubLeaseUntil) {
}
