package io.newsflow.ingest.messaging;

import io.newsflow.contracts.DeadLetters;
import io.newsflow.contracts.EventJson;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Dead-letters feeds and pages ingest could not read to channel {@value #CHANNEL} (topic news.ingest.dlq), keyed by
 * the URL, with the {@link DeadLetters} headers every stage writes.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "ingest-dead-letters";
    static final String STAGE = "ingest";

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final Emitter<byte[]> emitter;
    private final Clock clock;

    public DeadLetterPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                               Emitter<byte[]> emitter, Clock clock) {
        this.emitter = emitter;
        this.clock = clock;
    }

    /** Sends without waiting: losing a dead letter to a broker outage is logged, and must not stall polling. */
    public void send(String url, String feedUrl, String reason, String detail) {
        DeadLetter letter = new DeadLetter(url, feedUrl, reason, detail, STAGE, clock.instant());
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REASON, (reason + ": " + detail).getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetters.CAUSE, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetters.STAGE, STAGE.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetters.ORIGIN, url.getBytes(StandardCharsets.UTF_8));
        Message<byte[]> message = Message.of(EventJson.toBytes(letter),
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(url).withHeaders(headers).build()),
                () -> CompletableFuture.completedFuture(null),
                failure -> {
                    LOG.errorf(failure, "Could not dead-letter %s (%s)", url, reason);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not dead-letter %s (%s)", url, reason);
        }
    }
}
