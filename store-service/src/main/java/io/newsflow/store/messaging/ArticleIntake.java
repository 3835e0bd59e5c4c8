package io.newsflow.store.messaging;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.store.persistence.ArticleValidation;
import io.newsflow.store.persistence.DatabaseRetry;
import io.newsflow.store.persistence.UpsertOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one enriched-article message into a stored article: read and check it, then upsert it, waiting out database
 * outages. Plain logic with no messaging types, so tests call it directly.
 */
@ApplicationScoped
public class ArticleIntake {

    private static final Logger LOG = Logger.getLogger(ArticleIntake.class);
    /** MDC key: JSON log lines about an article carry its id as a field. */
    static final String MDC_ARTICLE_ID = "articleId";

    /** The write side, as a function so tests can stand in for PostgreSQL. */
    @FunctionalInterface
    public interface ArticleSink {
        UpsertOutcome upsert(EnrichedArticle article) throws SQLException;
    }

    /** The batch write side: all articles in one transaction, outcomes in input order. */
    @FunctionalInterface
    public interface BatchSink {
        List<UpsertOutcome> upsertAll(List<EnrichedArticle> articles) throws SQLException;
    }

    /** One message of a batch. */
    public record Incoming(byte[] value, String key, String origin) {
    }

    private final ArticleSink sink;
    private final BatchSink batchSink;
    private final DatabaseRetry retry;
    private final StoreMetrics metrics;

    /** One article per transaction, also for batches (tests of the per-message rules). */
    public ArticleIntake(ArticleSink sink, DatabaseRetry retry, StoreMetrics metrics) {
        this(sink, articles -> {
            List<UpsertOutcome> outcomes = new ArrayList<>();
            for (EnrichedArticle article : articles) {
                outcomes.add(sink.upsert(article));
            }
            return outcomes;
        }, retry, metrics);
    }

    @Inject
    public ArticleIntake(ArticleSink sink, BatchSink batchSink, DatabaseRetry retry, StoreMetrics metrics) {
        this.sink = sink;
        this.batchSink = batchSink;
        this.retry = retry;
        this.metrics = metrics;
    }

    /**
     * Stores a batch of messages in one transaction and says what became of each, in order. Unreadable and invalid
     * messages are rejected one by one; the rest are written together, waiting out database outages. When the
     * database refuses the batch for good (one article's data it cannot take), the batch is retried one article per
     * transaction, so only the offending articles are rejected.
     */
    public List<IntakeResult> acceptAll(List<Incoming> messages) {
        IntakeResult[] results = new IntakeResult[messages.size()];
        List<Integer> positions = new ArrayList<>();
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Incoming m = messages.get(i);
            metrics.received();
            MDC.put(MDC_ARTICLE_ID, String.valueOf(m.key())); // the article id on every log line about it
            Object read;
            try {
                read = read(m.value(), m.key(), m.origin());
            } finally {
                MDC.remove(MDC_ARTICLE_ID);
            }
            if (read instanceof IntakeResult rejected) {
                results[i] = rejected;
            } else {
                positions.add(i);
                articles.add((EnrichedArticle) read);
            }
        }
        if (!articles.isEmpty()) {
            String what = "store " + articles.size() + " articles from " + messages.get(positions.get(0)).origin()
                    + (articles.size() > 1 ? " to " + messages.get(positions.get(positions.size() - 1)).origin() : "");
            try {
                Optional<List<UpsertOutcome>> outcomes = retry.untilDone(what, () -> batchSink.upsertAll(articles));
                for (int j = 0; j < articles.size(); j++) {
                    EnrichedArticle article = articles.get(j);
                    if (outcomes.isEmpty()) {
                        results[positions.get(j)] = new IntakeResult.Abandoned(article.id());
                    } else {
                        metrics.stored(outcomes.get().get(j));
                        results[positions.get(j)] = new IntakeResult.Stored(article.id(), outcomes.get().get(j));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Batch %s failed for good (%s); storing its articles one by one to find the culprit", what,
                        e.getMessage());
                for (int j = 0; j < articles.size(); j++) {
                    MDC.put(MDC_ARTICLE_ID, articles.get(j).id());
                    try {
                        results[positions.get(j)] = store(articles.get(j), messages.get(positions.get(j)).origin());
                    } finally {
                        MDC.remove(MDC_ARTICLE_ID);
                    }
                }
            }
        }
        return List.of(results);
    }

    /**
     * @param value  the message value
     * @param key    the message key (the article id, by contract), may be null
     * @param origin where the message came from (topic-partition@offset), for the log
     */
    public IntakeResult accept(byte[] value, String key, String origin) {
        metrics.received();
        MDC.put(MDC_ARTICLE_ID, String.valueOf(key));
        try {
            Object read = read(value, key, origin);
            if (read instanceof IntakeResult rejected) {
                return rejected;
            }
            return store((EnrichedArticle) read, origin);
        } finally {
            MDC.remove(MDC_ARTICLE_ID);
        }
    }

    /** The article, or the rejection of an unreadable or invalid message. */
    private Object read(byte[] value, String key, String origin) {
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
        return article;
    }

    /** Stores one article in its own transaction, waiting out outages; rejects it if the database never will. */
    private IntakeResult store(EnrichedArticle article, String origin) {
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
