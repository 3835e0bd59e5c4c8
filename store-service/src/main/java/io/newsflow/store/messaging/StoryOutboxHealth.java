package io.newsflow.store.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.Duration;

/**
 * Shows the story-event backlog on {@code /q/health/ready} without ever failing readiness: while Kafka is away the
 * outbox holds the events and the store can go on storing; taking the replica out of service would help nobody.
 * Alert on {@code newsflow_store_outbox_backlog} instead.
 */
@Readiness
@ApplicationScoped
public class StoryOutboxHealth implements HealthCheck {

    static final String NAME = "Story event outbox";

    private final StoryOutboxRelay relay;
    private final Clock clock = Clock.systemUTC();

    public StoryOutboxHealth(StoryOutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        StoryOutboxRelay.Backlog backlog = relay.backlog();
        var response = HealthCheckResponse.named(NAME).up().withData("backlog", backlog.events());
        if (backlog.oldest() != null) {
            response.withData("oldestAgeSeconds",
                    Math.max(0, Duration.between(backlog.oldest(), clock.instant()).toSeconds()));
        }
        return response.build();
    }
}
