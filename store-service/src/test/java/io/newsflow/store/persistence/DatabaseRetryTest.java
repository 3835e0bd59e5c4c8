package io.newsflow.store.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseRetryTest {

    private final AtomicInteger retries = new AtomicInteger();
    private final DatabaseRetry retry = new DatabaseRetry(Duration.ofMillis(1), Duration.ofMillis(4),
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
        assertThatThrownBy(() -> new DatabaseRetry(Duration.ZERO, Duration.ofSeconds(1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseRetry(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
