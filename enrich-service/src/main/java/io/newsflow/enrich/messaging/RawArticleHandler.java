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

    /** The record to publish: key = article id, value = EnrichedArticle JSON. */
    public record Result(String key, byte[] value) {
    }

    /** An article that parsed but could not be enriched; dead-lettered like a poison message. */
    public static final class EnrichmentFailedException extends RuntimeException {
        public EnrichmentFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
