package io.newsflow.store.query;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Entity statistics over stored articles: what is being talked about, and how that changes. */
@ApplicationScoped
public class EntityReader {

    static final String TRENDING = """
            SELECT e.entity_id, max(e.name) AS name, max(e.type) AS type,
                   coalesce(sum(e.count) FILTER (WHERE a.sort_at >= ?), 0) AS mentions,
                   coalesce(sum(e.count) FILTER (WHERE a.sort_at < ?), 0) AS previous,
                   count(*) FILTER (WHERE a.sort_at >= ?) AS articles
            FROM article_entity e JOIN article a ON a.id = e.article_id
            WHERE a.sort_at >= ? AND a.sort_at < ? AND (?::text IS NULL OR e.type = ?::text)
            GROUP BY e.entity_id
            HAVING count(*) FILTER (WHERE a.sort_at >= ?) > 0
            ORDER BY mentions DESC, articles DESC, e.entity_id
            LIMIT ?
            """;
    static final String SERIES = """
            SELECT e.entity_id,
                   least(floor(extract(epoch FROM (a.sort_at - ?)) / ?)::int, ? - 1) AS bucket,
                   sum(e.count) AS mentions
            FROM article_entity e JOIN article a ON a.id = e.article_id
            WHERE e.entity_id = ANY(?) AND a.sort_at >= ? AND a.sort_at < ?
            GROUP BY 1, 2
            """;

    /**
     * @param id               entity id
     * @param mentions         mentions in the current window
     * @param previousMentions mentions in the window before
     * @param change           mentions - previousMentions
     * @param changeRatio      change / previousMentions; null when the entity was not mentioned before (new)
     * @param articles         articles naming it in the current window
     * @param series           mentions per equal slice of the current window, oldest first
     */
    public record EntityTrend(String id, String name, String type, long mentions, long previousMentions, long change,
                              Double changeRatio, long articles, List<Long> series) {
    }

    /** {@code GET /api/entities/trending}. */
    public record TrendingPage(Instant from, Instant until, Instant previousFrom, int buckets, List<EntityTrend> items) {
    }

    private final DataSource dataSource;

    public EntityReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public TrendingPage trending(TrendingQuery query) throws SQLException {
        OffsetDateTime start = utc(query.start());
        OffsetDateTime previousStart = utc(query.previousStart());
        OffsetDateTime until = utc(query.until());
        List<String[]> rows = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ps = connection.prepareStatement(TRENDING)) {
                int i = 0;
                ps.setObject(++i, start);
                ps.setObject(++i, start);
                ps.setObject(++i, start);
                ps.setObject(++i, previousStart);
                ps.setObject(++i, until);
                ps.setString(++i, query.type());
                ps.setString(++i, query.type());
                ps.setObject(++i, start);
                ps.setInt(++i, query.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                        counts.add(new long[] {rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                    }
                }
            }
            Map<String, long[]> series = series(connection, query, rows.stream().map(r -> r[0]).toList());
            List<EntityTrend> items = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                long now = counts.get(i)[0];
                long before = counts.get(i)[1];
                long[] s = series.getOrDefault(rows.get(i)[0], new long[query.buckets()]);
                items.add(new EntityTrend(rows.get(i)[0], rows.get(i)[1], rows.get(i)[2], now, before, now - before,
                        before == 0 ? null : (double) (now - before) / before, counts.get(i)[2],
                        java.util.Arrays.stream(s).boxed().toList()));
            }
            return new TrendingPage(query.start(), query.until(), query.previousStart(), query.buckets(), items);
        }
    }

    private static Map<String, long[]> series(Connection connection, TrendingQuery query, List<String> ids)
            throws SQLException {
        Map<String, long[]> series = new HashMap<>();
        if (ids.isEmpty()) {
            return series;
        }
        double bucketSeconds = query.window().toMillis() / 1000.0 / query.buckets();
        try (PreparedStatement ps = connection.prepareStatement(SERIES)) {
            ps.setObject(1, utc(query.start()));
            ps.setDouble(2, bucketSeconds);
            ps.setInt(3, query.buckets());
            ps.setArray(4, connection.createArrayOf("text", ids.toArray()));
            ps.setObject(5, utc(query.start()));
            ps.setObject(6, utc(query.until()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int bucket = rs.getInt(2);
                    if (bucket >= 0 && bucket < query.buckets()) {
                        series.computeIfAbsent(rs.getString(1), k -> new long[query.buckets()])[bucket] += rs.getLong(3);
                    }
                }
            }
        }
        return series;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
