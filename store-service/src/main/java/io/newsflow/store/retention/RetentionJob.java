package io.newsflow.store.retention;

import io.newsflow.store.config.StoreConfig;
import io.newsflow.store.story.StoryClusterer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The only code that deletes articles: every {@code newsflow.store.retention-check} it deletes articles whose
 * publication (else fetch, else store) time is older than {@code newsflow.store.retention}, with their entities and
 * topics, in chunks so no transaction grows large; stories left empty go too, the others get fresh counts. It takes
 * the story-assignment lock, so no article can join a story while that story is being emptied. Every replica runs it;
 * they queue on the lock and later runs find nothing left to delete.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    /** Articles deleted per transaction. */
    static final int CHUNK = 5_000;

    static final String DELETE_CHUNK = """
            WITH doomed AS (
                SELECT id FROM article WHERE coalesce(sort_at, stored_at) < ? ORDER BY id LIMIT ? FOR UPDATE)
            DELETE FROM article a USING doomed d WHERE a.id = d.id RETURNING a.story_id
            """;
    static final String REFRESH_STORIES = """
            UPDATE story s SET article_count = coalesce(x.n, 0), first_seen = x.first_seen, last_seen = x.last_seen,
                               updated_at = now()
            FROM (SELECT id FROM story WHERE id = ANY(?)) t
            LEFT JOIN (SELECT story_id, count(*) AS n, min(sort_at) AS first_seen, max(sort_at) AS last_seen
                       FROM article WHERE story_id = ANY(?) GROUP BY story_id) x ON x.story_id = t.id
            WHERE s.id = t.id
            """;
    static final String DELETE_EMPTY_STORIES = "DELETE FROM story WHERE id = ANY(?) AND article_count = 0";

    private final DataSource dataSource;
    private final StoryClusterer clusterer;
    private final StoreConfig config;
    private final Clock clock = Clock.systemUTC();

    public RetentionJob(DataSource dataSource, StoryClusterer clusterer, StoreConfig config) {
        this.dataSource = dataSource;
        this.clusterer = clusterer;
        this.config = config;
    }

    @Scheduled(every = "${newsflow.store.retention-check:1h}", delayed = "${newsflow.store.retention-check:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "article-retention")
    void scheduled() {
        try {
            purgeOlderThan(clock.instant().minus(config.retention()));
        } catch (SQLException e) {
            // The next run tries again; nothing is lost by waiting.
            LOG.warnf("Retention run failed (SQLState %s): %s", e.getSQLState(), e.getMessage());
        }
    }

    /** Deletes every article older than {@code cutoff}; returns how many. */
    public long purgeOlderThan(Instant cutoff) throws SQLException {
        long total = 0;
        while (true) {
            int deleted = deleteChunk(cutoff);
            total += deleted;
            if (deleted < CHUNK) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("Retention: deleted %d articles older than %s", total, cutoff);
        }
        return total;
    }

    private int deleteChunk(Instant cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                clusterer.lock(connection);
                Set<String> stories = new LinkedHashSet<>();
                int deleted = 0;
                try (PreparedStatement ps = connection.prepareStatement(DELETE_CHUNK)) {
                    ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                    ps.setInt(2, CHUNK);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            deleted++;
                            stories.add(rs.getString(1));
                        }
                    }
                }
                if (!stories.isEmpty()) {
                    var ids = connection.createArrayOf("text", stories.toArray());
                    try (PreparedStatement ps = connection.prepareStatement(REFRESH_STORIES)) {
                        ps.setArray(1, ids);
                        ps.setArray(2, ids);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = connection.prepareStatement(DELETE_EMPTY_STORIES)) {
                        ps.setArray(1, ids);
                        ps.executeUpdate();
                    }
                }
                connection.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
