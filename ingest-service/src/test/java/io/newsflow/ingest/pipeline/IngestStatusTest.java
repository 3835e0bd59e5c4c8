package io.newsflow.ingest.pipeline;

import io.newsflow.ingest.health.SeenStateReadinessCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IngestStatusTest {

    @Test
    void readinessFollowsTheSeenStateLoad() {
        IngestStatus status = new IngestStatus();
        SeenStateReadinessCheck check = new SeenStateReadinessCheck(status);

        status.loading("cannot load state from Kafka (attempt 2): timeout");
        HealthCheckResponse before = check.call();
        assertThat(before.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(before.getData().orElseThrow()).containsEntry("state", "cannot load state from Kafka (attempt 2): timeout");

        status.loaded(42);
        HealthCheckResponse after = check.call();
        assertThat(after.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(after.getData().orElseThrow()).containsEntry("articlesAtStart", 42L);
    }
}
