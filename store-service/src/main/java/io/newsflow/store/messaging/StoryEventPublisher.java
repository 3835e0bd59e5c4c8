package io.newsflow.store.messaging;

import io.newsflow.contracts.EventJson;
import io.newsflow.store.persistence.ArticlesCommitted;
import io.newsflow.store.story.StoryChange;
import io.newsflow.store.story.StoryEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Announces story changes on {@value io.newsflow.contracts.Topics#STORIES} after the articles' transaction committed. Delivery is
 * best effort: a store crash between commit and send loses that event, but the next change of the story sends its
 * full state again (events carry the whole summary, not a delta).
 */
@ApplicationScoped
public class StoryEventPublisher {

    /** Channel of news.stories (see application.properties). */
    public static final String CHANNEL = "stories";

    private static final Logger LOG = Logger.getLogger(StoryEventPublisher.class);

    private final Emitter<byte[]> emitter;
    private final Clock clock = Clock.systemUTC();

    public StoryEventPublisher(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                               Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    void onCommitted(@Observes ArticlesCommitted committed) {
        for (StoryChange change : committed.stories()) {
            StoryEvent event = StoryEvent.of(change, clock.instant());
            Message<byte[]> message = Message.of(EventJson.toBytes(event))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(change.storyId()).build())
                    .withAck(() -> CompletableFuture.completedFuture(null))
                    .withNack(e -> {
                        LOG.warnf("Story event for %s not delivered: %s", change.storyId(), e.getMessage());
                        return CompletableFuture.completedFuture(null);
                    });
            emitter.send(message);
        }
    }
}
