package io.newsflow.store.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseRetryTest {

    private final AtomicInteger retries = new AtomicInteger();
    private final DatabaseRetry retry = new DatabaseRetry(Duration.ofMillis(1), Duration.ofMillis(4), 3,
            retries::incrementAndGet);

    @Test
    void retriesTransientFailuresUntilTheWorkSucceeds() throws SQLException {
        var attempts = new AtomicInteger();

        var result = retry.untilDone("test", () -> {
            if (attempts.incrementAndGet() < 4) {
                throw new SQLException("Connection refused", "08001");
            }
            return "stored";
        });

        assertThat(result).contains("stored");
        assertThat(attempts).hasValue(4);
        assertThat(retries).hasValue(3);
    }

    @Test
    void permanentFailureIsThrownAtOnce() {
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.untilDone("test", () -> {
            attempts.incrementAndGet();
            throw new SQLException("value too long", "22001");
        })).isInstanceOf(SQLException.class).hasMessage("value too long");
        assertThat(attempts).hasValue(1);
        assertThat(retries).hasValue(0);
    }

    @Test
    void anOutageIsWaitedOutHoweverLongItLasts() throws SQLException {
        var attempts = new AtomicInteger();

        var result = retry.untilDone("test", () -> {
            if (attempts.incrementAndGet() < 20) {
                throw new SQLException("Connection refused", "08001");
            }
            return "stored";
        });

        assertThat(result).contains("stored");
        assertThat(attempts).hasValue(20);
    }

    @Test
    void theSameOtherFailureIsRetriedOnlyMaxAttemptsTimes() {
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.untilDone("test", () -> {
            attempts.incrementAndGet();
            throw new SQLException("deadlock detected", "40P01");
        })).isInstanceOf(SQLException.class).hasMessage("deadlock detected");
        assertThat(attempts).hasValue(3);
        assertThat(retries).hasValue(2);
    }

    @Test
    void anOtherFailureThatClearsUpWithinTheBoundSucceeds() throws SQLException {
        var attempts = new AtomicInteger();

        var result = retry.untilDone("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("deadlock detected", "40P01");
            }
            return "stored";
        });

        assertThat(result).contains("stored");
    }

    @Test
    void anOutageInBetweenStartsTheCountAfresh() throws SQLException {
        var attempts = new AtomicInteger();
        // internal error, internal error, outage, internal error, internal error, success: never 3 in a row
        var result = retry.untilDone("test", () -> {
            int attempt = attempts.incrementAndGet();
            if (attempt == 3) {
                throw new SQLException("Connection refused", "08001");
            }
            if (attempt < 6) {
                throw new SQLException("internal error", "XX000");
            }
            return "stored";
        });

        assertThat(result).contains("stored");
        assertThat(attempts).hasValue(6);
    }

    @Test
    void stopEndsTheWaitWithoutResult() throws SQLException {
        var attempts = new AtomicInteger();

        var result = retry.untilDone("test", () -> {
            if (attempts.incrementAndGet() == 3) {
                retry.stop(); // shutdown arrives during an outage
            }
            throw new SQLException("Connection refused", "08001");
        });

        assertThat(result).isEmpty();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void afterStopNothingRuns() throws SQLException {
        retry.stop();

        assertThat(retry.untilDone("test", () -> "never")).isEmpty();
    }

    @Test
    void rejectsBackoffsThatCannotWork() {
        assertThatThrownBy(() -> new DatabaseRetry(Duration.ZERO, Duration.ofSeconds(1), 3, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseRetry(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseRetry(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
