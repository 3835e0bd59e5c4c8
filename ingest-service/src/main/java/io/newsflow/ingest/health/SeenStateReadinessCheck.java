package io.newsflow.ingest.health;

import io.newsflow.ingest.pipeline.IngestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the seen state is loaded: before that, polling would republish everything. */
@Readiness
@ApplicationScoped
public class SeenStateReadinessCheck implements HealthCheck {

    static final String NAME = "ingest-seen-state";

    private final IngestStatus status;

    public SeenStateReadinessCheck(IngestStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        if (status.stateLoaded()) {
            return HealthCheckResponse.named(NAME).up().withData("articlesAtStart", status.seenArticles()).build();
        }
        return HealthCheckResponse.named(NAME).down().withData("state", String.valueOf(status.problem())).build();
    }
}
