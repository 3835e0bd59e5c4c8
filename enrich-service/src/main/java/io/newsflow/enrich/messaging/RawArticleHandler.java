package io.newsflow.enrich.messaging;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.RawArticle;
import io.newsflow.enrich.metrics.EnrichMetrics;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import org.jboss.logging.Logger;

import java.util.Objects;

/**
 * One raw-article message in, one enriched-article value out. Throws {@link EventJson.InvalidEventException} for a
 * message that is not a RawArticle this stage understands, so the caller nacks it into the dead-letter topic.
 */
public final class RawArticleHandler {

    private static final Logger LOG = Logger.getLogger(RawArticleHandler.class);

    private final ArticleEnricher enricher;
    private final EnrichMetrics metrics;

    public RawArticleHandler(ArticleEnricher enricher, EnrichMetrics metrics) {
        this.enricher = enricher;
        this.metrics = metrics;
    }

    /**
     * @param key    the Kafka key (article id), may be null
     * @param value  the raw JSON
     * @param origin topic-partition@offset, for the log
     * @return the enriched article, serialised, with the key to publish it under (the article id)
     */
    public Result handle(String key, byte[] value, String origin) {
        metrics.received();
        RawArticle raw;
        try {
            if (value == null) {
                throw new EventJson.InvalidEventException("Empty message (null value)", null);
            }
            raw = EventJson.fromBytes(value, RawArticle.class);
            if (key != null && !Objects.equals(key, raw.id())) {
                throw new EventJson.InvalidEventException("Key " + key + " is not the article id " + raw.id(), null);
            }
        } catch (EventJson.InvalidEventException e) {
            metrics.failed("invalid-event");
            LOG.warnf("Dead-lettering message %s (key %s): %s", origin, key, e.getMessage());
            throw e;
        }
        EnrichedArticle enriched;
        try {
            enriched = enricher.enrich(raw);
        } catch (RuntimeException e) {
            metrics.failed("enrich-error");
            LOG.warnf(e, "Dead-lettering article %s from %s: enrichment failed", raw.id(), origin);
            throw new EnrichmentFailedException("Enrichment failed for article " + raw.id() + ": " + e, e);
        }
        metrics.enriched();
        LOG.debugf("Enriched %s: %s, %d entities, %d topics", raw.id(), enriched.language().code(),
                enriched.entities().size(), enriched.topics().size());
        return new Result(raw.id(), EventJson.toBytes(enriched));
    }

    /**
     * One incoming record's fate, never an exception: the enriched record, or the original bytes for the dead-letter
     * topic with the reason. Both are written in the same Kafka transaction as the consumed offset.
     *
     * @param maxValueBytes an enriched value larger than this is dead-lettered instead (the broker would refuse it,
     *                      and the transaction would abort on every retry)
     */
    public Outcome process(String key, byte[] value, String origin, int maxValueBytes) {
        Result result;
        try {
            result = handle(key, value, origin);
        } catch (RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return new Outcome(key, value, null, reason, e.getClass().getName());
        }
        if (result.value().length > maxValueBytes) {
            metrics.failed("too-large");
            LOG.warnf("Dead-lettering article %s from %s: enriched value is %d bytes, limit %d", result.key(), origin,
                    result.value().length, maxValueBytes);
            return new Outcome(key, value, null, "Enriched article is " + result.value().length + " bytes, more than "
                    + maxValueBytes, "too-large");
        }
        return new Outcome(result.key(), null, result.value(), null, null);
    }

    /** The record to publish: key = article id, value = EnrichedArticle JSON. */
    public record Result(String key, byte[] value) {
    }

    /**
     * @param key       Kafka key to publish under
     * @param original  the incoming value, when dead-lettered
     * @param enriched  the EnrichedArticle JSON, when enriched
     * @param reason    why it was dead-lettered, else null
     * @param cause     exception class or short code, else null
     */
    public record Outcome(String key, byte[] original, byte[] enriched, String reason, String cause) {
        public boolean deadLettered() {
            return reason != null;
        }
    }

    /** An article that parsed but could not be enriched; dead-lettered like a poison message. */
    public static final class EnrichmentFailedException extends RuntimeException {
        public EnrichmentFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
