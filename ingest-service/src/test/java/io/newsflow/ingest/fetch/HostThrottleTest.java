package io.newsflow.ingest.fetch;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostThrottleTest {

    @Test
    void atMostTheLimitOfRequestsToOneHostAtOnceButOtherHostsAreFree() throws Exception {
        HostThrottle throttle = new HostThrottle(2, Duration.ZERO, Duration.ofSeconds(30), Clock.systemUTC());
        HostThrottle.Permit a = throttle.acquire("news.example");
        HostThrottle.Permit b = throttle.acquire("NEWS.example");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch started = new CountDownLatch(1);
            Future<?> third = pool.submit(() -> {
                started.countDown();
                try (HostThrottle.Permit c = throttle.acquire("news.example")) {
                    return null;
                }
            });
            started.await();
            assertThat(third).as("third request waits while two are in flight").isNotDone();
            try (HostThrottle.Permit other = throttle.acquire("other.example")) {
                assertThat(other).isNotNull();
            }
            a.close();
            third.get(5, TimeUnit.SECONDS);
            b.close();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestStartsAreSpacedByTheMinimumDelay() throws Exception {
        HostThrottle throttle = new HostThrottle(4, Duration.ofMillis(150), Duration.ofSeconds(30), Clock.systemUTC());
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            throttle.acquire("slow.example").close();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aHoldOffBeyondTheMaximumWaitIsRefusedWithTheTimeToComeBack() {
        HostThrottle throttle = new HostThrottle(2, Duration.ZERO, Duration.ofSeconds(5), Clock.systemUTC());
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        throttle.holdOff("busy.example", until);

        assertThatThrownBy(() -> throttle.acquire("busy.example"))
                .isInstanceOfSatisfying(HostThrottle.HostBusyException.class, e -> assertThat(e.notBefore()).isEqualTo(until));
        assertThat(throttle.nextStart("busy.example")).isEqualTo(until);
    }
}
