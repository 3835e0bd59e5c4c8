package io.newsflow.store.persistence;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.RawArticle;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Idempotent upsert of an enriched article, its entities and topics, in one transaction. The stored row changes only
 * when the incoming (revision, enrichedAt) is greater than the stored one, so redeliveries and late older revisions
 * leave it as it is; the child rows are replaced only together with the row.
 */
@ApplicationScoped
public class ArticleWriter {

    static final String UPSERT_ARTICLE = """
            INSERT INTO article AS a (id, url, canonical_url, source, feed_url, title, text, summary, authors,
                    published_at, fetched_at, enriched_at, stored_at, language, language_confidence, ts_config,
                    content_hash, revision, entities, topics)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?,
                    coalesce((SELECT c.config FROM text_search_config c WHERE c.language = ?), 'simple'::regconfig),
                    ?, ?, ?::jsonb, ?::jsonb)
            ON CONFLICT (id) DO UPDATE SET
                url = EXCLUDED.url, canonical_url = EXCLUDED.canonical_url, source = EXCLUDED.source,
                feed_url = EXCLUDED.feed_url, title = EXCLUDED.title, text = EXCLUDED.text,
                summary = EXCLUDED.summary, authors = EXCLUDED.authors, published_at = EXCLUDED.published_at,
                fetched_at = EXCLUDED.fetched_at, enriched_at = EXCLUDED.enriched_at, stored_at = EXCLUDED.stored_at,
                language = EXCLUDED.language, language_confidence = EXCLUDED.language_confidence,
                ts_config = EXCLUDED.ts_config, content_hash = EXCLUDED.content_hash, revision = EXCLUDED.revision,
                entities = EXCLUDED.entities, topics = EXCLUDED.topics
            WHERE (EXCLUDED.revision, coalesce(EXCLUDED.enriched_at, '-infinity'::timestamptz))
                > (a.revision, coalesce(a.enriched_at, '-infinity'::timestamptz))
            RETURNING (xmax = 0) AS inserted
            """;

    static final String DELETE_ENTITIES = "DELETE FROM article_entity WHERE article_id = ?";
    // An enrichment listing one entity id twice keeps its first (most salient) entry instead of failing the article.
    static final String INSERT_ENTITY = """
            INSERT INTO article_entity (article_id, entity_id, name, type, linked, count, salience)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """;
    static final String DELETE_TOPICS = "DELETE FROM article_topic WHERE article_id = ?";
    static final String INSERT_TOPIC = """
            INSERT INTO article_topic (article_id, code, label, score) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
            """;

    private final DataSource dataSource;

    public ArticleWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the article if it is new or newer than the stored one; commits before returning. */
    public UpsertOutcome upsert(EnrichedArticle event) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                UpsertOutcome outcome = write(connection, event);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection);
            }
        }
    }

    private UpsertOutcome write(Connection connection, EnrichedArticle event) throws SQLException {
        RawArticle article = event.article();
        List<EnrichedArticle.Entity> entities = PgText.cleanEntities(event.entities());
        List<EnrichedArticle.Topic> topics = PgText.cleanTopics(event.topics());
        String language = LanguageCodes.normalise(event.language().code());

        UpsertOutcome outcome;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ARTICLE)) {
            int i = 0;
            upsert.setString(++i, article.id());
            upsert.setString(++i, PgText.clean(article.url()));
            upsert.setString(++i, PgText.clean(article.canonicalUrl()));
            upsert.setString(++i, PgText.clean(article.source()));
            upsert.setString(++i, PgText.clean(article.feedUrl()));
            upsert.setString(++i, PgText.clean(article.title()));
            upsert.setString(++i, PgText.clean(article.text()));
            upsert.setString(++i, PgText.clean(article.summary()));
            upsert.setArray(++i, connection.createArrayOf("text", PgText.clean(article.authors()).toArray()));
            setInstant(upsert, ++i, article.publishedAt());
            setInstant(upsert, ++i, article.fetchedAt());
            setInstant(upsert, ++i, event.enrichedAt());
            upsert.setString(++i, language);
            upsert.setDouble(++i, event.language().confidence());
            upsert.setString(++i, language);
            upsert.setString(++i, PgText.clean(article.contentHash()));
            upsert.setInt(++i, article.revision());
            upsert.setString(++i, EventJson.mapper().writeValueAsString(entities));
            upsert.setString(++i, EventJson.mapper().writeValueAsString(topics));
            try (ResultSet rs = upsert.executeQuery()) {
                outcome = !rs.next() ? UpsertOutcome.UNCHANGED
                        : rs.getBoolean("inserted") ? UpsertOutcome.INSERTED : UpsertOutcome.UPDATED;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise entities/topics of article " + article.id(), e);
        }
        if (outcome != UpsertOutcome.UNCHANGED) {
            replaceEntities(connection, article.id(), entities);
            replaceTopics(connection, article.id(), topics);
        }
        return outcome;
    }

    private static void replaceEntities(Connection connection, String articleId, List<EnrichedArticle.Entity> entities)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_ENTITIES)) {
            delete.setString(1, articleId);
            delete.executeUpdate();
        }
        if (entities.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTITY)) {
            for (EnrichedArticle.Entity entity : entities) {
                insert.setString(1, articleId);
                insert.setString(2, entity.id());
                insert.setString(3, entity.name());
                insert.setString(4, entity.type().name());
                insert.setBoolean(5, entity.linked());
                insert.setInt(6, entity.count());
                insert.setDouble(7, entity.salience());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void replaceTopics(Connection connection, String articleId, List<EnrichedArticle.Topic> topics)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_TOPICS)) {
            delete.setString(1, articleId);
            delete.executeUpdate();
        }
        if (topics.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TOPIC)) {
            for (EnrichedArticle.Topic topic : topics) {
                insert.setString(1, articleId);
                insert.setString(2, topic.code());
                insert.setString(3, topic.label());
                insert.setDouble(4, topic.score());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e); // the connection is likely gone; the original failure is what matters
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // A broken connection is discarded by the pool; nothing to restore.
        }
    }
}
