package io.newsflow.ingest.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PollPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final PollPolicy policy = new PollPolicy(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofHours(4));

    @Test
    void aBusyFeedIsPolledAtHalfItsItemGap() {
        // one item every 10 minutes → polled every 5 minutes
        List<Instant> dates = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            dates.add(NOW.minus(Duration.ofMinutes(10L * i)));
        }
        assertThat(policy.afterSuccess(Duration.ofMinutes(5), dates, 1, null, NOW)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aQuietFeedSlowsDownToTheMaximumAndABurstyOneSpeedsUpToTheMinimum() {
        List<Instant> lastYear = List.of(NOW.minus(Duration.ofDays(300)), NOW.minus(Duration.ofDays(200)));
        assertThat(policy.afterSuccess(Duration.ofMinutes(5), lastYear, 0, null, NOW)).isEqualTo(Duration.ofHours(1));

        List<Instant> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            burst.add(NOW.minusSeconds(i * 5L));
        }
        assertThat(policy.afterSuccess(Duration.ofMinutes(5), burst, 10, null, NOW)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void withoutDatesNewItemsSpeedUpAndNoneSlowDown() {
        assertThat(policy.afterSuccess(Duration.ofMinutes(20), List.of(), 3, null, NOW)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.afterSuccess(Duration.ofMinutes(20), List.of(), 0, null, NOW)).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.afterNotModified(Duration.ofMinutes(20), null)).isEqualTo(Duration.ofMinutes(25));
        assertThat(policy.afterSuccess(null, List.of(), 0, null, NOW)).as("a new feed starts at the initial interval")
                .isEqualTo(Duration.ofMinutes(7).plusSeconds(30));
    }

    @Test
    void publisherHintsAreALowerBoundButNeverBeyondTheMaximum() {
        List<Instant> busy = List.of(NOW.minusSeconds(60), NOW.minusSeconds(120), NOW.minusSeconds(180));
        assertThat(policy.afterSuccess(Duration.ofMinutes(5), busy, 1, Duration.ofMinutes(30), NOW))
                .as("ttl/max-age of 30 min wins over the item rate").isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.afterSuccess(Duration.ofMinutes(5), busy, 1, Duration.ofDays(1), NOW))
                .as("a day-long ttl is capped at the maximum").isEqualTo(Duration.ofHours(1));
        assertThat(policy.afterNotModified(Duration.ofMinutes(5), Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCapAndRetryAfterReplacesTheBackoff() {
        Duration healthy = Duration.ofMinutes(5);
        assertThat(policy.afterFailure(healthy, 1, null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.afterFailure(healthy, 2, null)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.afterFailure(healthy, 4, null)).isEqualTo(Duration.ofMinutes(40));
        assertThat(policy.afterFailure(healthy, 10, null)).as("capped: still probed every 4 h").isEqualTo(Duration.ofHours(4));
        assertThat(policy.afterFailure(healthy, 1000, null)).isEqualTo(Duration.ofHours(4));
        assertThat(policy.afterFailure(healthy, 3, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.afterFailure(healthy, 1, Duration.ofSeconds(5))).as("at least the minimum").isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.afterFailure(healthy, 1, Duration.ofDays(3))).as("never parked beyond the cap").isEqualTo(Duration.ofHours(4));
    }
}
