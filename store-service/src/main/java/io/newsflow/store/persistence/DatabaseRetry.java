package io.newsflow.store.persistence;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a database unit of work until it succeeds, waiting with capped exponential backoff while the database is
 * unreachable ({@link DatabaseFailures#isOutage}), so a PostgreSQL outage delays messages instead of losing or
 * dead-lettering them. Permanent failures ({@link DatabaseFailures#isPermanent}) are thrown at once. Any other failure
 * (a reachable server refusing the work for a reason that might pass: deadlock, an internal error) is retried up to
 * {@code maxAttempts} times in a row with the same SQLState and then thrown, so the caller's per-article fallback and
 * dead-lettering take over instead of the consumer stalling forever on one batch. {@link #stop()} ends the waiting so
 * shutdown is not held up; the unit of work is then reported as not done and its message stays uncommitted.
 */
public final class DatabaseRetry {

    private static final Logger LOG = Logger.getLogger(DatabaseRetry.class);

    /** A transaction against the database. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final Runnable onRetry;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param maxAttempts how many times in a row a unit of work may fail with the same SQLState, other than an outage,
     *                    before that failure is thrown
     */
    public DatabaseRetry(Duration initialBackoff, Duration maxBackoff, int maxAttempts, Runnable onRetry) {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff, got " + initialBackoff
                    + " and " + maxBackoff);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("need maxAttempts >= 1, got " + maxAttempts);
        }
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
        this.onRetry = onRetry;
    }

    /**
     * @param what describes the work for the log
     * @return the result, or empty when {@link #stop()} was called before the work could succeed
     * @throws SQLException a permanent failure, which retrying cannot fix, or the same other failure
     *                      {@code maxAttempts} times in a row
     */
    public <T> Optional<T> untilDone(String what, Work<T> work) throws SQLException {
        Duration backoff = initialBackoff;
        String repeatedState = null;
        int repeats = 0;
        for (int attempt = 1; ; attempt++) {
            if (isStopped()) {
                return Optional.empty();
            }
            try {
                T result = work.run();
                if (attempt > 1) {
                    LOG.infof("Database is back: %s succeeded after %d attempts", what, attempt);
                }
                return Optional.of(result);
            } catch (SQLException e) {
                if (DatabaseFailures.isPermanent(e)) {
                    throw e;
                }
                if (!DatabaseFailures.isOutage(e)) {
                    repeats = e.getSQLState().equals(repeatedState) ? repeats + 1 : 1;
                    repeatedState = e.getSQLState();
                    if (repeats >= maxAttempts) {
                        LOG.warnf("Giving up on %s: failed %d times in a row with SQLState %s (%s)", what, repeats,
                                repeatedState, e.getMessage());
                        throw e;
                    }
                } else {
                    repeatedState = null; // an outage in between: the database was away, not refusing this work
                    repeats = 0;
                }
                onRetry.run();
                // First failure at WARN with the cause; then every 10th, so an outage does not flood the log.
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("Database unavailable (%s, SQLState %s): %s; attempt %d, retrying in %d ms",
                            e.getMessage(), e.getSQLState(), what, attempt, backoff.toMillis());
                }
            }
            if (waitOrStop(backoff)) {
                LOG.infof("Stopping: %s left for redelivery", what);
                return Optional.empty();
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    /** Ends all current and future waits; called at shutdown. */
    public void stop() {
        stopped.countDown();
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** @return true when stopped while waiting */
    private boolean waitOrStop(Duration backoff) {
        try {
            return stopped.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
