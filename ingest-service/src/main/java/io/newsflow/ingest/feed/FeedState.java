package io.newsflow.ingest.feed;

import io.newsflow.ingest.fetch.Validators;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A subscribed feed with its polling state and health, in memory. Fields written by the one worker polling the feed
 * and read by the API, hence volatile; {@link #tryStartPoll()} keeps a feed on at most one worker at a time.
 * {@link #snapshot} and {@link #restore} move the state to and from {@code news.ingest.feed-state}.
 */
public final class FeedState {

    /** Where a subscription comes from: configuration is re-read at each start, the API's are persisted. */
    public enum Origin { CONFIG, API }

    private final Feed feed;
    private final Origin origin;
    private final AtomicBoolean polling = new AtomicBoolean();

    private volatile Validators validators = Validators.NONE;
    private volatile Duration interval;
    private volatile Instant nextPollAt = Instant.EPOCH;
    private volatile Instant lastPolledAt;
    private volatile Instant lastSuccessAt;
    private volatile Integer lastStatus;
    private volatile String lastResult;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Integer lastErrorStatus;
    private volatile long polls;
    private volatile int itemsSeen;
    private volatile long itemsNew;
    private volatile long itemsRevised;
    private volatile long itemsDuplicate;
    private volatile long articlesPublished;
    private volatile int failureStreak;
    private volatile String failureReason;
    private volatile String webSubHub;
    private volatile Instant webSubLeaseUntil;
    private volatile String title;
    private volatile String format;

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

    public boolean isPolling() {
        return polling.get();
    }

    public void finishPoll(Instant nextPoll) {
        nextPollAt = nextPoll;
        polling.set(false);
    }

    public Instant nextPollAt() {
        return nextPollAt;
    }

    public Validators validators() {
        return validators;
    }

    public void validators(Validators validators) {
        this.validators = validators == null ? Validators.NONE : validators;
    }

    /** The current healthy poll interval; null until the first poll sets it. */
    public Duration interval() {
        return interval;
    }

    public void interval(Duration interval) {
        this.interval = interval;
    }

    /** A hub accepted our subscription for the feed until {@code leaseUntil}. */
    public void webSub(String hub, Instant leaseUntil) {
        this.webSubHub = hub;
        this.webSubLeaseUntil = leaseUntil;
    }

    public String webSubHub() {
        return webSubHub;
    }

    public Instant webSubLeaseUntil() {
        return webSubLeaseUntil;
    }

    /** Whether a hub pushes the feed to us now. */
    public boolean pushed(Instant now) {
        Instant until = webSubLeaseUntil;
        return webSubHub != null && until != null && now.isBefore(until);
    }

    /** What the last successful parse said the feed is. */
    public void described(String title, String format) {
        this.title = title;
        this.format = format;
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
        if ("ok".equals(result) || "not-modified".equals(result)) {
            lastSuccessAt = at;
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
     *
     * @param status HTTP status of the failed poll, null when no response came
     */
    public boolean feedFailed(String reason, Integer status) {
        boolean news = failureStreak == 0 || !reason.equals(failureReason);
        failureStreak++;
        failureReason = reason;
        lastErrorStatus = status;
        return news;
    }

    public boolean feedFailed(String reason) {
        return feedFailed(reason, null);
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

    /** Items of one poll by what they were: never seen, a new revision of a known article, or already known. */
    public void items(int newItems, int revised, int duplicates) {
        itemsNew += newItems;
        itemsRevised += revised;
        itemsDuplicate += duplicates;
    }

    /** The state to persist. */
    public FeedPollState snapshot(Instant now) {
        Validators v = validators;
        return new FeedPollState(feed.id(), feed.url(), v.etag(), v.lastModified(), interval,
                nextPollAt.equals(Instant.EPOCH) ? null : nextPollAt, failureStreak, failureReason, lastPolledAt,
                lastSuccessAt, lastStatus, lastResult, lastError, lastErrorAt, lastErrorStatus, polls, itemsSeen,
                itemsNew, itemsRevised, itemsDuplicate, articlesPublished, now, webSubHub, webSubLeaseUntil);
    }

    /** Takes over persisted state (after a restart or from the replica that polled the feed before). */
    public void restore(FeedPollState state) {
        validators = new Validators(state.etag(), state.lastModified());
        interval = state.interval();
        if (!polling.get()) {
            nextPollAt = state.nextPollAt() == null ? Instant.EPOCH : state.nextPollAt();
        }
        failureStreak = state.failureStreak();
        failureReason = state.failureReason();
        lastPolledAt = state.lastPolledAt();
        lastSuccessAt = state.lastSuccessAt();
        lastStatus = state.lastStatus();
        lastResult = state.lastResult();
        lastError = state.lastError();
        lastErrorAt = state.lastErrorAt();
        lastErrorStatus = state.lastErrorStatus();
        polls = state.polls();
        itemsSeen = state.itemsSeen();
        itemsNew = state.itemsNew();
        itemsRevised = state.itemsRevised();
        itemsDuplicate = state.itemsDuplicate();
        articlesPublished = state.articlesPublished();
        webSubHub = state.webSubHub();
        webSubLeaseUntil = state.webSubLeaseUntil();
    }

    public FeedView view() {
        Duration current = interval;
        return new FeedView(feed.id(), feed.url(), feed.addedAt(), origin.name().toLowerCase(Locale.ROOT), title, format,
                lastPolledAt, lastSuccessAt, lastStatus, lastResult, lastError, lastErrorAt, lastErrorStatus,
                failureStreak, polls, itemsSeen, itemsNew, itemsRevised, itemsDuplicate, articlesPublished,
                current == null ? null : current.toSeconds(), nextPollAt.equals(Instant.EPOCH) ? null : nextPollAt,
                webSubHub, webSubLeaseUntil);
    }
}
