package io.newsflow.store.persistence;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a database unit of work until it succeeds, waiting with capped exponential backoff while the database is
 * unreachable, so a PostgreSQL outage delays messages instead of losing or dead-lettering them. Permanent failures
 * ({@link DatabaseFailures#isPermanent}) are thrown at once. {@link #stop()} ends the waiting so shutdown is not held
 * up; the unit of work is then reported as not done and its message stays uncommitted.
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
    private final Runnable onRetry;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public DatabaseRetry(Duration initialBackoff, Duration maxBackoff, Runnable onRetry) {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff, got " + initialBackoff
                    + " and " + maxBackoff);
        }
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.onRetry = onRetry;
    }

    /**
     * @param what describes the work for the log
     * @return the result, or empty when {@link #stop()} was called before the work could succeed
     * @throws SQLException a permanent failure, which retrying cannot fix
     */
    public <T> Optional<T> untilDone(String what, Work<T> work) throws SQLException {
        Duration backoff = initialBackoff;
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
