package io.newsflow.store.retention;

import io.newsflow.store.config.StoreConfig;
import io.newsflow.store.story.DayCounts;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The only code that deletes articles: every {@code newsflow.store.retention-check} it deletes articles whose
 * publication (else fetch, else store) time is older than {@code newsflow.store.retention}, with their entities and
 * topics, in chunks so no transaction grows large; stories left empty go too, the others get fresh counts. The per-day
 * counts of story clustering ({@link DayCounts}) lose exactly what the deleted articles counted for, in the same
 * transaction: the cutoff falls inside a day, so dropping whole days would leave the cutoff's day wrong, and an
 * article dated by its store time (no publication or fetch time) was never counted. It takes the story-assignment
 * lock, so no article can join a story while that story is being emptied. Every replica runs it; they queue on the
 * lock and later runs find nothing left to delete.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    /** Articles deleted per transaction. */
    static final int CHUNK = 5_000;

    static final String SELECT_CHUNK = """
            SELECT id FROM article WHERE coalesce(sort_at, stored_at) < ? ORDER BY id LIMIT ? FOR UPDATE
            """;
    static final String DELETE_CHUNK = "DELETE FROM article WHERE id = ANY(?) RETURNING story_id";
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
                List<String> doomed = new ArrayList<>();
                try (PreparedStatement ps = connection.prepareStatement(SELECT_CHUNK)) {
                    ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                    ps.setInt(2, CHUNK);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            doomed.add(rs.getString(1));
                        }
                    }
                }
                DayCounts.Contribution counted = DayCounts.of(connection, doomed);
                Set<String> stories = new LinkedHashSet<>();
                try (PreparedStatement ps = connection.prepareStatement(DELETE_CHUNK)) {
                    ps.setArray(1, connection.createArrayOf("text", doomed.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            stories.add(rs.getString(1));
                        }
                    }
                }
                DayCounts.replace(connection, counted, List.of());
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
                return doomed.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
