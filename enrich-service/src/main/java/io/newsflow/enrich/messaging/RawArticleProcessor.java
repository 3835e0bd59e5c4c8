package io.newsflow.enrich.messaging;

import io.newsflow.enrich.metrics.EnrichMetrics;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * news.articles.raw → enrich → news.articles.enriched, same key. The outgoing message carries the incoming one's
 * acknowledgement, so the raw offset is committed only after the broker has the enriched record (at-least-once).
 * A message that fails is nacked; the channel's dead-letter-queue failure strategy moves it to news.enrich.dlq with
 * the reason, and the stream goes on.
 */
@ApplicationScoped
public class RawArticleProcessor {

    /** Channel of raw articles (topic news.articles.raw). */
    public static final String RAW_ARTICLES = "raw-articles";
    /** Channel of enriched articles (topic news.articles.enriched). */
    public static final String ENRICHED_ARTICLES = "enriched-articles";

    private final RawArticleHandler handler;

    public RawArticleProcessor(ArticleEnricher enricher, EnrichMetrics metrics) {
        this.handler = new RawArticleHandler(enricher, metrics);
    }

    @Incoming(RAW_ARTICLES)
    @Outgoing(ENRICHED_ARTICLES)
    public Message<Record<String, byte[]>> enrich(Message<byte[]> message) {
        var metadata = message.getMetadata(IncomingKafkaRecordMetadata.class);
        String key = metadata.map(m -> m.getKey() == null ? null : m.getKey().toString()).orElse(null);
        String origin = metadata.map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset()).orElse("?");
        RawArticleHandler.Result result;
        try {
            result = handler.handle(key, message.getPayload(), origin);
        } catch (RuntimeException e) {
            // A message-in/message-out method owns its acknowledgement: nack here (the failure strategy sends the
            // record to news.enrich.dlq) and forward nothing; throwing would fail the whole stream instead.
            message.nack(e);
            return null;
        }
        // withPayload keeps the incoming message's ack/nack: the offset commits once the enriched record is written.
        return message.withPayload(Record.of(result.key(), result.value()));
    }
}
