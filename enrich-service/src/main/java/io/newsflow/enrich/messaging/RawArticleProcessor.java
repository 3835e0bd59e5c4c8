package io.newsflow.enrich.messaging;

import io.newsflow.contracts.DeadLetters;
import io.newsflow.contracts.Topics;
import io.newsflow.enrich.config.EnrichConfig;
import io.newsflow.enrich.metrics.EnrichMetrics;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * news.articles.raw → enrich → news.articles.enriched, same key, exactly once: each polled batch is enriched, then
 * its enriched records, its dead letters (news.enrich.dlq, with the reason) and its consumed offsets are written in one
 * Kafka transaction. The articles of a batch are enriched in parallel, one thread per core (enrichment is CPU work
 * and batches come one after the other), and written in their order in the batch. If anything fails before the commit — or the process dies — the transaction aborts, the records
 * stay invisible to {@code read_committed} consumers, and the consumer rewinds to the last committed offset, so the
 * batch is enriched again and published once.
 */
@ApplicationScoped
public class RawArticleProcessor {

    private static final Logger LOG = Logger.getLogger(RawArticleProcessor.class);

    /** Channel of raw articles (topic news.articles.raw). */
    public static final String RAW_ARTICLES = "raw-articles";
    /** Channel of enriched articles (topic news.articles.enriched); a transactional producer. */
    public static final String ENRICHED_ARTICLES = "enriched-articles";

    private final RawArticleHandler handler;
    private final KafkaTransactions<byte[]> transactions;
    private final int maxRecordBytes;
    private final AtomicInteger faultsLeft;
    /** Enriches the records of one batch side by side; as many threads as the process may use cores. */
    private final ExecutorService enrichers;

    public RawArticleProcessor(ArticleEnricher enricher, EnrichMetrics metrics, EnrichConfig config,
                               @Channel(ENRICHED_ARTICLES) KafkaTransactions<byte[]> transactions) {
        this.handler = new RawArticleHandler(enricher, metrics);
        this.transactions = transactions;
        this.maxRecordBytes = config.maxRecordBytes();
        this.faultsLeft = new AtomicInteger(config.fault().abortTransactionsAfterProducing());
        AtomicInteger threads = new AtomicInteger();
        this.enrichers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "enrich-batch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        enrichers.shutdownNow();
    }

    @Incoming(RAW_ARTICLES)
    public Uni<Void> enrich(KafkaRecordBatch<String, byte[]> batch) {
        // Enrichment is CPU work: run it on a worker thread, not on the consumer's event loop.
        return Uni.createFrom().item(() -> outgoing(batch))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(out -> transactions.withTransactionAndAck(batch, emitter -> {
                    out.forEach(emitter::send);
                    if (!out.isEmpty() && faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        // newsflow.enrich.fault.*: a crash between producing and committing, for the exactly-once IT.
                        LOG.warnf("Aborting a transaction of %d records after producing them (fault injection)", out.size());
                        return Uni.createFrom().failure(new IllegalStateException("Injected fault before commit"));
                    }
                    return Uni.createFrom().voidItem();
                }))
                .onFailure().invoke(e -> LOG.warnf("Transaction of %d records aborted, the batch will be consumed again: %s",
                        batch.getRecords().size(), e.toString()))
                // A failed transaction has already rewound the consumer; failing here would stop the stream.
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private List<Message<byte[]>> outgoing(KafkaRecordBatch<String, byte[]> batch) {
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        List<CompletableFuture<Message<byte[]>>> enriched = new ArrayList<>(records.size());
        for (KafkaRecord<String, byte[]> record : records) {
            enriched.add(CompletableFuture.supplyAsync(() -> outgoing(record), enrichers));
        }
        // In batch order: per-article order on the output follows the input's.
        List<Message<byte[]>> out = new ArrayList<>(records.size());
        for (CompletableFuture<Message<byte[]>> message : enriched) {
            out.add(message.join());
        }
        return out;
    }

    /** The enriched record for one raw record, or its dead letter with the reason; never throws for bad input. */
    private Message<byte[]> outgoing(KafkaRecord<String, byte[]> record) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
        String origin = record.getTopic() + "-" + record.getPartition() + "@" + offset;
        // The article id on every log line about it (JSON logs carry the MDC).
        MDC.put("articleId", String.valueOf(record.getKey()));
        RawArticleHandler.Outcome outcome;
        try {
            outcome = handler.process(record.getKey(), record.getPayload(), origin, maxRecordBytes);
        } finally {
            MDC.remove("articleId");
        }
        // The incoming record's trace (its traceparent) continues on what we write for it.
        TracingMetadata trace = record.getMetadata(TracingMetadata.class).orElse(TracingMetadata.empty());
        if (!outcome.deadLettered()) {
            return Message.of(outcome.enriched()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(outcome.key()).build()).addMetadata(trace);
        }
        RecordHeaders headers = new RecordHeaders();
        header(headers, DeadLetters.REASON, outcome.reason());
        header(headers, DeadLetters.CAUSE, outcome.cause());
        header(headers, DeadLetters.STAGE, EnrichMetrics.STAGE);
        header(headers, DeadLetters.ORIGIN, origin);
        // The same headers SmallRye's dead-letter-queue strategy writes, so existing DLQ tooling keeps working.
        header(headers, "dead-letter-topic", record.getTopic());
        header(headers, "dead-letter-partition", Integer.toString(record.getPartition()));
        header(headers, "dead-letter-offset", Long.toString(offset));
        return Message.of(outcome.original()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.ENRICH_DLQ).withKey(outcome.key()).withHeaders(headers).build()).addMetadata(trace);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
