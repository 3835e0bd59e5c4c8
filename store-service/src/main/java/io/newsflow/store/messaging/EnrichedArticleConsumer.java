package io.newsflow.store.messaging;

import io.newsflow.contracts.DeadLetters;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Kafka side of the store: batches of records as polled (batch=true), one batch at a time on a worker thread (JDBC
 * blocks), one database transaction per batch. Each record is acked only after the transaction committed, so the
 * committed offset never runs ahead of the database; a record that can never be stored is nacked on its own and goes
 * to the dead-letter topic configured for the channel, while the rest of its batch is stored.
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
    @Blocking // ordered: one batch at a time keeps per-article order and the revision check simple
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        List<ArticleIntake.Incoming> messages = records.stream()
                .map(r -> new ArticleIntake.Incoming(r.getPayload(), r.getKey(), origin(r))).toList();
        List<IntakeResult> results = intake.acceptAll(messages);
        // Each record is acknowledged or dead-lettered on its own, only now that the batch's transaction committed;
        // the throttled commit strategy commits an offset once every record before it is done.
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord<String, byte[]> record = records.get(i);
            CompletionStage<Void> settled = switch (results.get(i)) {
                case IntakeResult.Stored stored -> record.ack();
                case IntakeResult.Rejected rejected ->
                        record.nack(new RejectedMessageException(rejected), deadLetterHeaders(origin(record)));
                // Neither ack nor nack: the offset is not committed and the message comes back after the restart.
                case IntakeResult.Abandoned abandoned -> CompletableFuture.completedFuture(null);
            };
            done.add(settled.toCompletableFuture());
        }
        return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
    }

    private static String origin(KafkaRecord<String, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset()).orElse("unknown");
    }

    /** Adds the Newsflow headers SmallRye's dead-letter queue does not write itself (it writes the reason). */
    private static Metadata deadLetterHeaders(String origin) {
        var headers = new RecordHeaders()
                .add(DeadLetters.STAGE, StoreMetrics.STAGE.getBytes(StandardCharsets.UTF_8))
                .add(DeadLetters.ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
        return Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
    }
}
