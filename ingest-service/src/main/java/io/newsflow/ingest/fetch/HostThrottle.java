package io.newsflow.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness towards each publisher, shared by feed polls and page fetches: at most {@code maxConcurrent} requests to
 * one host at a time, request starts at least {@code minDelay} apart, and no request before a host's Retry-After
 * (429/503) has passed. Callers block (on their own worker thread) until their turn.
 */
public final class HostThrottle {

    /** A slot for one request; close it when the response is read. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final Permit NONE = () -> { };

    /** Thrown instead of waiting longer than {@code maxWait}: the caller should come back at {@link #notBefore()}. */
    public static final class HostBusyException extends Exception {
        private final transient Instant notBefore;

        HostBusyException(String host, Instant notBefore) {
            super("Host " + host + " is throttled until " + notBefore, null, false, false);
            this.notBefore = notBefore;
        }

        public Instant notBefore() {
            return notBefore;
        }
    }

    private final int maxConcurrent;
    private final Duration minDelay;
    private final Clock clock;
    private final Duration maxWait;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    /**
     * @param maxConcurrent requests in flight to one host
     * @param minDelay      between the starts of two requests to one host
     * @param maxWait       longest a caller waits for its turn; beyond that it gets a {@link HostBusyException}
     */
    public HostThrottle(int maxConcurrent, Duration minDelay, Duration maxWait, Clock clock) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.maxConcurrent = maxConcurrent;
        this.minDelay = minDelay;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** No limits: for tools and tests that fetch one thing. */
    public static HostThrottle unlimited() {
        return new HostThrottle(Integer.MAX_VALUE, Duration.ZERO, Duration.ofDays(1), Clock.systemUTC());
    }

    private final class Host {
        final Semaphore slots = new Semaphore(maxConcurrent, true);
        /** Earliest start of the next request. */
        Instant nextStart = Instant.EPOCH;
    }

    /** Waits for a slot for the host and its turn; the wait does not count against the request's own timeout. */
    public Permit acquire(String host) throws InterruptedException, HostBusyException {
        if (maxConcurrent == Integer.MAX_VALUE && minDelay.isZero() && hosts.isEmpty()) {
            return NONE;
        }
        Host state = hosts.computeIfAbsent(key(host), h -> new Host());
        state.slots.acquire();
        try {
            Duration wait;
            synchronized (state) {
                Instant now = clock.instant();
                Instant start = now.isBefore(state.nextStart) ? state.nextStart : now;
                wait = Duration.between(now, start);
                if (wait.compareTo(maxWait) > 0) {
                    // A Retry-After hold-off or a long queue: better to come back later than to park a worker.
                    throw new HostBusyException(host, start);
                }
                state.nextStart = start.plus(minDelay);
            }
            if (!wait.isZero() && !wait.isNegative()) {
                Thread.sleep(wait.toMillis(), (int) (wait.toNanosPart() % 1_000_000));
            }
        } catch (InterruptedException | HostBusyException | RuntimeException e) {
            state.slots.release();
            throw e;
        }
        return state.slots::release;
    }

    /** The host asked us to stay away (Retry-After): no request to it starts before {@code until}. */
    public void holdOff(String host, Instant until) {
        Host state = hosts.computeIfAbsent(key(host), h -> new Host());
        synchronized (state) {
            if (until.isAfter(state.nextStart)) {
                state.nextStart = until;
            }
        }
    }

    /** When the next request to the host may start at the earliest (for tests and health). */
    public Instant nextStart(String host) {
        Host state = hosts.get(key(host));
        if (state == null) {
            return Instant.EPOCH;
        }
        synchronized (state) {
            return state.nextStart;
        }
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    private static String key(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }
}
