package io.newsflow.ingest.messaging;

import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.RawArticle;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Sends RawArticle events to channel {@value #CHANNEL} (topic news.articles.raw), keyed by the article id. Callers do
 * not wait for each acknowledgement, so at most {@value #MAX_IN_FLIGHT} records may be unacknowledged at once; beyond
 * that {@link #publish} blocks the (worker) caller until the broker catches up, instead of overflowing the channel.
 */
@ApplicationScoped
public class RawArticlePublisher {

    public static final String CHANNEL = "raw-articles";
    /** Below the channel's buffer (1024) and the Kafka sink's max-inflight-messages (1024). */
    static final int MAX_IN_FLIGHT = 512;

    private final Emitter<byte[]> emitter;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    public RawArticlePublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                               Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker acknowledged the record, exceptionally when it was refused or could not be sent. */
    public CompletableFuture<Void> publish(RawArticle article) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acked.completeExceptionally(e); // shutting down: not sent, the next poll takes the article
            return acked;
        }
        acked.whenComplete((ok, failure) -> inFlight.release());
        Message<byte[]> message = Message.of(EventJson.toBytes(article),
                // The caller's span (one per article) travels with the message: the sink may send it on another
                // thread, where Context.current() would start a new trace.
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build(),
                        TracingMetadata.withCurrent(Context.current())),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            acked.completeExceptionally(e); // buffer full or channel down
        }
        return acked;
    }
}
