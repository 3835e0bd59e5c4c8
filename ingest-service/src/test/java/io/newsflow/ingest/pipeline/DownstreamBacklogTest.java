package io.newsflow.ingest.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.messaging.IngestMetrics;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The admission decision fed lag readings: hysteresis between max-lag and half of it, and failing open. */
class DownstreamBacklogTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final DownstreamBacklog backlog = new DownstreamBacklog(() -> {
        throw new TimeoutException("no broker in this test");
    }, "news.articles.raw", "enrich-service", 1000, new IngestMetrics(registry));

    @Test
    void pausesAboveMaxLagAndResumesOnlyBelowHalfOfIt() {
        assertThat(backlog.paused()).as("before the first reading").isFalse();
        backlog.measured(1000);
        assertThat(backlog.paused()).as("at the limit").isFalse();
        backlog.measured(1001);
        assertThat(backlog.paused()).isTrue();
        assertThat(gauge("newsflow.ingest.admission.paused")).isEqualTo(1);
        assertThat(gauge("newsflow.ingest.downstream.lag")).isEqualTo(1001);

        backlog.measured(900);
        backlog.measured(500);
        assertThat(backlog.paused()).as("draining, not yet below half").isTrue();
        backlog.measured(499);
        assertThat(backlog.paused()).isFalse();
        assertThat(gauge("newsflow.ingest.admission.paused")).isZero();

        backlog.measured(800);
        assertThat(backlog.paused()).as("growing again, still under the limit").isFalse();
        backlog.measured(5000);
        assertThat(backlog.paused()).isTrue();
    }

    @Test
    void aLimitOfOneResumesAtZero() {
        DownstreamBacklog strict = new DownstreamBacklog(() -> null, "t", "g", 1,
                new IngestMetrics(new SimpleMeterRegistry()));
        strict.measured(2);
        assertThat(strict.paused()).isTrue();
        strict.measured(1);
        assertThat(strict.paused()).isTrue();
        strict.measured(0);
        assertThat(strict.paused()).isFalse();
    }

    @Test
    void aReadingThatFailsNeverPausesAndResumesAPausedPoller() {
        backlog.unmeasured(new TimeoutException("timed out"));
        assertThat(backlog.paused()).isFalse();
        assertThat(gauge("newsflow.ingest.downstream.lag")).isNaN();

        backlog.measured(2000);
        assertThat(backlog.paused()).isTrue();
        backlog.unmeasured(new TimeoutException("timed out"));
        assertThat(backlog.paused()).as("fail open").isFalse();
        assertThat(gauge("newsflow.ingest.admission.paused")).isZero();
        backlog.unmeasured(new TimeoutException("still timing out"));
        assertThat(backlog.paused()).isFalse();

        backlog.measured(2000);
        assertThat(backlog.paused()).as("measurable again, still far behind").isTrue();
    }

    @Test
    void aCheckWhoseAdminClientFailsFailsOpen() {
        backlog.measured(2000);
        backlog.check();
        assertThat(backlog.paused()).isFalse();
        assertThat(gauge("newsflow.ingest.downstream.lag")).isNaN();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
