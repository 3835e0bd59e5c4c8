package io.newsflow.store.messaging;

import io.newsflow.store.persistence.ArticlesCommitted;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * When the relay runs: right after every commit that changed a story (the normal case: events leave within
 * milliseconds), and every {@code newsflow.store.outbox.sweep-interval} on every replica for what a crash, a Kafka
 * outage or another replica's failed run left behind.
 */
@ApplicationScoped
public class StoryOutboxTriggers {

    private final StoryOutboxRelay relay;

    public StoryOutboxTriggers(StoryOutboxRelay relay) {
        this.relay = relay;
    }

    void onCommitted(@Observes ArticlesCommitted committed) {
        if (!committed.stories().isEmpty()) {
            relay.wake();
        }
    }

    @Scheduled(every = "${newsflow.store.outbox.sweep-interval:5s}", identity = "story-outbox-sweep",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        relay.wake();
    }
}
