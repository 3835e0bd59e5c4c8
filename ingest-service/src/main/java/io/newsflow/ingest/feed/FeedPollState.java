package io.newsflow.ingest.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * A feed's polling state and health as persisted on the compacted topic {@code news.ingest.feed-state} (key = feed
 * id), written after every poll, so a restarted replica, or the replica that takes a feed over, resumes with
 * conditional GETs, the learned interval, the backoff and the health counters instead of starting cold.
 *
 * @param url             the feed URL, for people reading the topic
 * @param etag            validator for If-None-Match, may be null
 * @param lastModified    validator for If-Modified-Since, may be null
 * @param interval        the current (healthy) poll interval, adapted to the feed's item rate
 * @param nextPollAt      when the feed is due next
 * @param failureStreak   consecutive failed polls
 * @param failureReason   reason code of the current failure streak, null after a success
 * @param lastErrorStatus HTTP status of the last failed poll, null when no response came
 * @param webSubHub       the hub the feed is subscribed at, null when not pushed
 * @param webSubLeaseUntil when that subscription's lease ends
 */
public record FeedPollState(String feedId, String url, String etag, String lastModified, Duration interval,
                            Instant nextPollAt, int failureStreak, String failureReason, Instant lastPolledAt,
                            Instant lastSuccessAt, Integer lastStatus, String lastResult, String lastError,
                            Instant lastErrorAt, Integer lastErrorStatus, long polls, int itemsSeen, long itemsNew,
                            long itemsRevised, long itemsDuplicate, long articlesPublished, Instant updatedAt,
                            String webSubHub, Instant webSubLeaseUntil) {
}
