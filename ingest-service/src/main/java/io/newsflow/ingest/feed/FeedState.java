package io.newsflow.ingest.feed;

import io.newsflow.ingest.fetch.Validators;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A subscribed feed with its polling state and health, in memory. Fields written by the one worker polling the feed
 * and read by the API, hence volatile; {@link #tryStartPoll()} keeps a feed on at most one worker at a time.
 */
public final class FeedState {

    /** Where a subscription comes from: configuration is re-read at each start, the API's are persisted. */
    public enum Origin { CONFIG, API }

    private final Feed feed;
    private final Origin origin;
    private final AtomicBoolean polling = new AtomicBoolean();

    private volatile Validators validators = Validators.NONE;
    private volatile Instant nextPollAt = Instant.EPOCH;
    private volatile Instant lastPolledAt;
    private volatile Integer lastStatus;
    private volatile String lastResult;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile long polls;
    private volatile int itemsSeen;
    private volatile long articlesPublished;
    private volatile int failureStreak;
    private volatile String failureReason;

    public FeedState(Feed feed, Origin origin) {
        this.feed = feed;
        this.origin = origin;
    }

    public Feed feed() {
        return feed;
    }

    public Origin origin() {
        return origin;
    }

    public boolean isDue(Instant now) {
        return !polling.get() && !now.isBefore(nextPollAt);
    }

    public boolean tryStartPoll() {
        return polling.compareAndSet(false, true);
    }

    public void finishPoll(Instant nextPoll) {
        nextPollAt = nextPoll;
        polling.set(false);
    }

    public Validators validators() {
        return validators;
    }

    public void validators(Validators validators) {
        this.validators = validators == null ? Validators.NONE : validators;
    }

    /**
     * Records a poll's outcome.
     *
     * @param status HTTP status, null when no response came
     * @param items  items in the feed, null to keep the last count (failed or not-modified polls)
     */
    public void polled(Instant at, Integer status, String result, Integer items) {
        lastPolledAt = at;
        lastStatus = status;
        lastResult = result;
        if (items != null) {
            itemsSeen = items;
        }
        polls++;
    }

    /** Records a feed or page failure in the health the API shows. */
    public void failed(Instant at, String error) {
        lastError = error;
        lastErrorAt = at;
    }

    /**
     * Counts a failed poll of the feed itself; returns true when this failure starts a streak or differs from the
     * last one, i.e. when it is news worth a dead letter rather than a repeat.
     */
    public boolean feedFailed(String reason) {
        boolean news = failureStreak == 0 || !reason.equals(failureReason);
        failureStreak++;
        failureReason = reason;
        return news;
    }

    public void feedSucceeded() {
        failureStreak = 0;
        failureReason = null;
    }

    /** Consecutive failed polls of the feed, 0 after a success. */
    public int failureStreak() {
        return failureStreak;
    }

    public void published() {
        articlesPublished++;
    }

    public FeedView view() {
        return new FeedView(feed.id(), feed.url(), feed.addedAt(), origin.name().toLowerCase(java.util.Locale.ROOT),
                lastPolledAt, lastStatus, lastResult, lastError, lastErrorAt, polls, itemsSeen, articlesPublished,
                nextPollAt.equals(Instant.EPOCH) ? null : nextPollAt);
    }
}
