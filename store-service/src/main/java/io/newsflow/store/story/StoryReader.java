package io.newsflow.store.story;

import static io.newsflow.store.persistence.ResultSets.instant;
import static io.newsflow.store.persistence.ResultSets.strings;

import io.newsflow.store.query.ArticleQuery;
import io.newsflow.store.query.ArticleReader;
import io.newsflow.store.query.ArticleViews.ArticleSummary;
import io.newsflow.store.story.StoryViews.StoryDetail;
import io.newsflow.store.story.StoryViews.StorySummary;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read side of stories, in plain parameterised SQL. */
@ApplicationScoped
public class StoryReader {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    static final String LIST = """
            SELECT s.id, s.title, s.article_count, s.first_seen, s.last_seen,
                   (SELECT array_agg(DISTINCT a.source ORDER BY a.source) FROM article a
                     WHERE a.story_id = s.id AND a.source IS NOT NULL) AS sources,
                   (SELECT array_agg(DISTINCT a.language ORDER BY a.language) FROM article a
                     WHERE a.story_id = s.id) AS languages
            FROM story s
            WHERE s.article_count > 0 AND (?::timestamptz IS NULL OR s.last_seen >= ?::timestamptz)
            ORDER BY s.article_count DESC, s.last_seen DESC NULLS LAST, s.id
            LIMIT ?
            """;
    static final String ONE = """
            SELECT s.id, s.title, s.article_count, s.first_seen, s.last_seen,
                   (SELECT array_agg(DISTINCT a.source ORDER BY a.source) FROM article a
                     WHERE a.story_id = s.id AND a.source IS NOT NULL) AS sources,
                   (SELECT array_agg(DISTINCT a.language ORDER BY a.language) FROM article a
                     WHERE a.story_id = s.id) AS languages
            FROM story s WHERE s.id = ? AND s.article_count > 0
            """;

    private final DataSource dataSource;
    private final ArticleReader articles;

    public StoryReader(DataSource dataSource, ArticleReader articles) {
        this.dataSource = dataSource;
        this.articles = articles;
    }

    /** Most active first: most articles, then most recently seen; {@code since} keeps stories seen since then. */
    public List<StorySummary> list(int limit, Instant since) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(LIST)) {
            OffsetDateTime s = since == null ? null : OffsetDateTime.ofInstant(since, ZoneOffset.UTC);
            ps.setObject(1, s);
            ps.setObject(2, s);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<StorySummary> stories = new ArrayList<>();
                while (rs.next()) {
                    stories.add(summary(rs));
                }
                return stories;
            }
        }
    }

    public Optional<StoryDetail> find(String id) throws SQLException {
        StorySummary story;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(ONE)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                story = summary(rs);
            }
        }
        List<ArticleSummary> items = articles.find(new ArticleQuery(ArticleQuery.MAX_LIMIT, null, null, null, null,
                null, null, id, null, null, null, null));
        return Optional.of(new StoryDetail(story.id(), story.title(), story.articleCount(), story.sources(),
                story.languages(), story.firstSeen(), story.lastSeen(), items));
    }

    private static StorySummary summary(ResultSet rs) throws SQLException {
        return new StorySummary(rs.getString("id"), rs.getString("title"), rs.getInt("article_count"),
                strings(rs.getArray("sources")), strings(rs.getArray("languages")), instant(rs, "first_seen"),
                instant(rs, "last_seen"));
    }

}
