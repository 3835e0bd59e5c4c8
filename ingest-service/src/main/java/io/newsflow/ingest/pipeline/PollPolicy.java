package io.newsflow.ingest.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When to poll a feed next. Healthy feeds: an interval adapted to how often the feed publishes (half the mean gap
 * between its recent items, so a new item waits half a gap on average), never shorter than what the publisher asks
 * for (Cache-Control max-age, RSS {@code <ttl>}, {@code sy:updatePeriod}/{@code sy:updateFrequency}), and always
 * within [min, max]. Failing feeds: exponential backoff from the healthy interval, capped at max-backoff so a broken
 * feed is still probed regularly and recovers by itself; a Retry-After from the server replaces the backoff.
 */
public final class PollPolicy {

    /** Recent items the rate is computed from. */
    static final int RATE_ITEMS = 10;

    private final Duration initial;
    private final Duration min;
    private final Duration max;
    private final Duration maxBackoff;

    public PollPolicy(Duration initial, Duration min, Duration max, Duration maxBackoff) {
        this.min = min;
        this.max = max.compareTo(min) < 0 ? min : max;
        this.initial = clamp(initial, this.min, this.max);
        this.maxBackoff = maxBackoff.compareTo(this.max) < 0 ? this.max : maxBackoff;
    }

    /** The interval of a feed never polled. */
    public Duration initial() {
        return initial;
    }

    /**
     * After the feed was read.
     *
     * @param current   the interval used so far (null: never polled)
     * @param itemDates the dates of the items in the feed (nulls ignored)
     * @param newItems  items not seen before in this poll
     * @param hint      the longest refresh hint the publisher gave (max-age, ttl, sy:*), null when none
     */
    public Duration afterSuccess(Duration current, Collection<Instant> itemDates, int newItems, Duration hint,
                                 Instant now) {
        Duration base = current == null ? initial : current;
        List<Instant> recent = itemDates.stream().filter(Objects::nonNull).filter(d -> !d.isAfter(now))
                .distinct().sorted(Comparator.reverseOrder()).limit(RATE_ITEMS).toList();
        Duration adapted;
        if (recent.size() >= 2) {
            // Span from the oldest recent item to now, not to the newest: a feed that went quiet slows down.
            Duration span = Duration.between(recent.getLast(), now);
            adapted = span.dividedBy(recent.size()).dividedBy(2);
        } else if (newItems > 0) {
            adapted = scale(base, 0.75);
        } else {
            adapted = scale(base, 1.5);
        }
        return withHint(adapted, hint);
    }

    /** After a 304: nothing new, so the feed slows down a little (and honours max-age). */
    public Duration afterNotModified(Duration current, Duration hint) {
        Duration base = current == null ? initial : current;
        return withHint(scale(base, 1.25), hint);
    }

    /**
     * The wait after a failed poll.
     *
     * @param healthy       the interval the feed had when it worked (null: never polled)
     * @param failureStreak consecutive failures including this one (≥ 1)
     * @param retryAfter    what the server's Retry-After asked for, null when none
     */
    public Duration afterFailure(Duration healthy, int failureStreak, Duration retryAfter) {
        if (retryAfter != null) {
            return clamp(retryAfter, min, maxBackoff);
        }
        Duration base = healthy == null ? initial : healthy;
        int doublings = Math.min(Math.max(failureStreak - 1, 0), 20);
        Duration backoff = base.multipliedBy(1L << doublings);
        return clamp(backoff, min, maxBackoff);
    }

    private Duration withHint(Duration adapted, Duration hint) {
        Duration interval = hint != null && hint.compareTo(adapted) > 0 ? hint : adapted;
        return clamp(interval, min, max);
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }

    private static Duration clamp(Duration d, Duration lo, Duration hi) {
        if (d.compareTo(lo) < 0) {
            return lo;
        }
        return d.compareTo(hi) > 0 ? hi : d;
    }
}
