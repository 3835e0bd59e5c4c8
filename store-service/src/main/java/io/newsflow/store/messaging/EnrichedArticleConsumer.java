package io.newsflow.store.messaging;

import io.newsflow.contracts.DeadLetters;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Kafka side of the store: one message at a time, in partition order, on a worker thread (JDBC blocks). Acks only
 * after the transaction committed, so the committed offset never runs ahead of the database; nacks go to the
 * dead-letter topic configured for the channel.
 */
@ApplicationScoped
public class EnrichedArticleConsumer {

    /** Channel of news.articles.enriched (see application.properties). */
    public static final String CHANNEL = "enriched-articles";

    private final ArticleIntake intake;

    public EnrichedArticleConsumer(ArticleIntake intake) {
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking // ordered: one message at a time keeps per-article order and the revision check simple
    public CompletionStage<Void> consume(Message<byte[]> message) {
        var kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        String key = kafka.map(m -> m.getKey() == null ? null : m.getKey().toString()).orElse(null);
        String origin = kafka.map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset()).orElse("unknown");
        return switch (intake.accept(message.getPayload(), key, origin)) {
            case IntakeResult.Stored stored -> message.ack();
            case IntakeResult.Rejected rejected ->
                    message.nack(new RejectedMessageException(rejected), deadLetterHeaders(origin));
            // Neither ack nor nack: the offset is not committed and the message comes back after the restart.
            case IntakeResult.Abandoned abandoned -> CompletableFuture.completedFuture(null);
        };
    }

    /** Adds the Newsflow headers SmallRye's dead-letter queue does not write itself (it writes the reason). */
    private static Metadata deadLetterHeaders(String origin) {
        var headers = new RecordHeaders()
                .add(DeadLetters.STAGE, StoreMetrics.STAGE.getBytes(StandardCharsets.UTF_8))
                .add(DeadLetters.ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
        return Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
    }
}
