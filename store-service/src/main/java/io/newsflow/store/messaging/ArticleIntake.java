package io.newsflow.store.messaging;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.store.persistence.ArticleValidation;
import io.newsflow.store.persistence.DatabaseRetry;
import io.newsflow.store.persistence.UpsertOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns one enriched-article message into a stored article: read and check it, then upsert it, waiting out database
 * outages. Plain logic with no messaging types, so tests call it directly.
 */
@ApplicationScoped
public class ArticleIntake {

    private static final Logger LOG = Logger.getLogger(ArticleIntake.class);

    /** The write side, as a function so tests can stand in for PostgreSQL. */
    @FunctionalInterface
    public interface ArticleSink {
        UpsertOutcome upsert(EnrichedArticle article) throws SQLException;
    }

    private final ArticleSink sink;
    private final DatabaseRetry retry;
    private final StoreMetrics metrics;

    public ArticleIntake(ArticleSink sink, DatabaseRetry retry, StoreMetrics metrics) {
        this.sink = sink;
        this.retry = retry;
        this.metrics = metrics;
    }

    /**
     * @param value  the message value
     * @param key    the message key (the article id, by contract), may be null
     * @param origin where the message came from (topic-partition@offset), for the log
     */
    public IntakeResult accept(byte[] value, String key, String origin) {
        metrics.received();
        if (value == null) {
            return reject(RejectReason.INVALID_EVENT, "empty value (tombstone) for key " + key, null, origin);
        }
        EnrichedArticle article;
        try {
            article = EventJson.fromBytes(value, EnrichedArticle.class);
        } catch (EventJson.InvalidEventException e) {
            return reject(RejectReason.INVALID_EVENT, e.getMessage(), key, origin);
        }
        Optional<String> problem = ArticleValidation.problem(article);
        if (problem.isPresent()) {
            return reject(RejectReason.INVALID_ARTICLE, problem.get(), article.id(), origin);
        }
        if (key != null && !key.equals(article.id())) {
            // Stored by its own id either way; a wrong key only weakens per-article ordering upstream.
            LOG.warnf("Message %s has key %s but carries article %s", origin, key, article.id());
        }
        try {
            Optional<UpsertOutcome> outcome = retry.untilDone("store article " + article.id() + " from " + origin,
                    () -> sink.upsert(article));
            if (outcome.isEmpty()) {
                return new IntakeResult.Abandoned(article.id());
            }
            metrics.stored(outcome.get());
            LOG.debugf("Article %s revision %d from %s: %s", article.id(), article.article().revision(), origin,
                    outcome.get());
            return new IntakeResult.Stored(article.id(), outcome.get());
        } catch (SQLException e) {
            return reject(RejectReason.DATABASE_REJECTED, "PostgreSQL rejected article " + article.id() + " (SQLState "
                    + e.getSQLState() + "): " + e.getMessage(), article.id(), origin);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Unexpected failure storing article %s from %s", article.id(), origin);
            return reject(RejectReason.STORE_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), article.id(),
                    origin);
        }
    }

    private IntakeResult reject(String reason, String message, String articleId, String origin) {
        metrics.failed(reason);
        LOG.warnf("Dead-lettering message %s (article %s): %s: %s", origin, articleId, reason, message);
        return new IntakeResult.Rejected(reason, message, articleId);
    }
}
