package io.newsflow.store.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.contracts.EventJson;
import io.newsflow.store.query.ArticleViews.ArticleDetail;
import io.newsflow.store.query.ArticleViews.ArticlePage;
import io.newsflow.store.query.ArticleViews.FacetCount;
import io.newsflow.store.query.ArticleViews.ArticleSummary;
import io.newsflow.store.query.ArticleViews.EntitySummary;
import io.newsflow.store.query.ArticleViews.EntityView;
import io.newsflow.store.query.ArticleViews.TopicView;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read side of the article store: list/search and single-article lookups, in plain parameterised SQL. */
@ApplicationScoped
public class ArticleReader {

    static final String SELECT_BY_ID = """
            SELECT id, url, canonical_url, source, feed_url, title, text, summary, authors, published_at, fetched_at,
                   enriched_at, stored_at, language, language_confidence, content_hash, revision, story_id, entities,
                   topics
            FROM article WHERE id = ?
            """;
    static final String SELECT_CONFIGS = "SELECT language, config::text FROM text_search_config";

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<List<TopicView>> TOPICS = new TypeReference<>() { };
    private static final TypeReference<List<EntityView>> ENTITIES = new TypeReference<>() { };
    private static final TypeReference<List<EntitySummary>> ENTITY_SUMMARIES = new TypeReference<>() { };

    private final DataSource dataSource;
    /** Only a migration changes the table, so it is read once. */
    private volatile TextSearchConfigs configs;

    public ArticleReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The items of one page (no cursor or facets): for callers that only want the list. */
    public List<ArticleSummary> find(ArticleQuery query) throws SQLException {
        return page(query).items();
    }

    /**
     * One page of articles; {@code nextCursor} is set when the page is full (a following page may be empty), and
     * the requested facets are counted over every article the filters match.
     */
    public ArticlePage page(ArticleQuery query) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TextSearchConfigs searchConfigs = configs(connection);
            SqlStatement statement = query.toSql(searchConfigs);
            var items = new ArrayList<ArticleSummary>();
            Cursor last = null;
            try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
                bind(ps, statement.parameters());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new ArticleSummary(rs.getString("id"), rs.getString("title"),
                                rs.getString("source"), rs.getString("url"), instant(rs, "published_at"),
                                instant(rs, "fetched_at"), rs.getString("language"), rs.getString("story_id"),
                                json(rs.getString("topics"), TOPICS), json(rs.getString("top_entities"),
                                ENTITY_SUMMARIES)));
                        last = new Cursor(instant(rs, "sort_at"), rs.getString("id"));
                    }
                }
            }
            Map<String, List<FacetCount>> facets = null;
            if (!query.facets().isEmpty()) {
                facets = new java.util.LinkedHashMap<>();
                for (String facet : query.facets()) {
                    facets.put(facet, facet(connection, query.facetSql(facet, searchConfigs)));
                }
            }
            String next = items.size() == query.limit() && last != null ? last.encode() : null;
            return new ArticlePage(items, next, facets);
        }
    }

    private static List<FacetCount> facet(Connection connection, SqlStatement statement) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
            bind(ps, statement.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                var counts = new ArrayList<FacetCount>();
                while (rs.next()) {
                    counts.add(new FacetCount(rs.getString("value"), rs.getString("label"), rs.getString("type"),
                            rs.getLong("n")));
                }
                return counts;
            }
        }
    }

    public Optional<ArticleDetail> findById(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(SELECT_BY_ID)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ArticleDetail(rs.getString("id"), rs.getString("url"),
                        rs.getString("canonical_url"), rs.getString("source"), rs.getString("feed_url"),
                        rs.getString("title"), rs.getString("text"), rs.getString("summary"),
                        strings(rs.getArray("authors")), instant(rs, "published_at"), instant(rs, "fetched_at"),
                        instant(rs, "enriched_at"), instant(rs, "stored_at"), rs.getString("language"),
                        rs.getDouble("language_confidence"), rs.getString("content_hash"), rs.getInt("revision"),
                        rs.getString("story_id"), json(rs.getString("entities"), ENTITIES), json(rs.getString("topics"), TOPICS)));
            }
        }
    }

    TextSearchConfigs configs(Connection connection) throws SQLException {
        TextSearchConfigs loaded = configs;
        if (loaded == null) {
            Map<String, String> byLanguage = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(SELECT_CONFIGS);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byLanguage.put(rs.getString(1), rs.getString(2));
                }
            }
            loaded = new TextSearchConfigs(byLanguage);
            configs = loaded;
        }
        return loaded;
    }

    static void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            ps.setObject(i + 1, parameters.get(i));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private static <T> List<T> json(String value, TypeReference<List<T>> type) {
        if (value == null) {
            return List.of();
        }
        try {
            return JSON.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON does not match the API shape", e);
        }
    }
}
