package io.newsflow.store.story;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored articles per UTC day of {@code sort_at} ({@code article_day}) and, per entity, those naming it
 * ({@code entity_day}): what {@link StoryClusterer} needs for {@link StorySimilarity#rarity}, read in a few index rows
 * per entity however full the window is. Whoever changes articles or their entity rows keeps the counts in the same
 * transaction: read what the articles count for before ({@link #of}), change them, then {@link #replace} it with what
 * they count for now. Both steps are set-based, a few statements per batch whatever its size, and they run under the
 * story-assignment lock ({@link StoryClusterer#lock}): writers and the retention job update the hot rows (the country
 * every article names, today) one transaction at a time, so they queue instead of deadlocking.
 */
public final class DayCounts {

    /** What the given articles count for as stored: per day, with a null entity for the articles themselves. */
    static final String CONTRIBUTION = """
            SELECT NULL::text AS entity_id, (a.sort_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n
            FROM article a WHERE a.id = ANY(?) AND a.sort_at IS NOT NULL GROUP BY 2
            UNION ALL
            SELECT e.entity_id, (a.sort_at AT TIME ZONE 'UTC')::date, count(*)::int
            FROM article a JOIN article_entity e ON e.article_id = a.id
            WHERE a.id = ANY(?) AND a.sort_at IS NOT NULL GROUP BY 1, 2
            """;
    /**
     * Adds the net change (now minus before) per key, only keys that change; returns the rows left at zero. Each key
     * once per statement (grouped), as ON CONFLICT DO UPDATE requires.
     */
    static final String REPLACE = """
            WITH counted AS (%s),
            delta AS (
                SELECT entity_id, day, sum(n)::int AS n
                FROM (SELECT * FROM counted
                      UNION ALL
                      SELECT entity_id, day, -n FROM unnest(?::text[], ?::date[], ?::int[]) AS b(entity_id, day, n)) c
                GROUP BY entity_id, day HAVING sum(n) <> 0),
            days AS (
                INSERT INTO article_day AS d (day, articles) SELECT day, n FROM delta WHERE entity_id IS NULL
                ON CONFLICT (day) DO UPDATE SET articles = d.articles + EXCLUDED.articles
                RETURNING NULL::text AS entity_id, d.day, d.articles),
            entities AS (
                INSERT INTO entity_day AS d (entity_id, day, articles)
                SELECT entity_id, day, n FROM delta WHERE entity_id IS NOT NULL
                ON CONFLICT (entity_id, day) DO UPDATE SET articles = d.articles + EXCLUDED.articles
                RETURNING d.entity_id, d.day, d.articles)
            SELECT * FROM days WHERE articles = 0
            UNION ALL
            SELECT * FROM entities WHERE articles = 0
            """.formatted(CONTRIBUTION);
    /** Keys counted down to zero go, so the tables hold what a recount would and no more. */
    static final String DELETE_ZEROS = """
            WITH z AS (SELECT * FROM unnest(?::text[], ?::date[]) AS z(entity_id, day)),
            days AS (DELETE FROM article_day d USING z
                     WHERE z.entity_id IS NULL AND d.day = z.day AND d.articles = 0)
            DELETE FROM entity_day d USING z WHERE d.entity_id = z.entity_id AND d.day = z.day AND d.articles = 0
            """;
    // Counts below zero would mean articles deleted behind the writer's back; they must not make rarity infinite.
    static final String ARTICLES = "SELECT greatest(coalesce(sum(articles), 0), 0) FROM article_day "
            + "WHERE day BETWEEN ? AND ?";
    static final String NAMING = """
            SELECT entity_id, greatest(sum(articles), 0) FROM entity_day
            WHERE entity_id = ANY(?) AND day BETWEEN ? AND ? GROUP BY entity_id
            """;

    /** What some articles count for: per row a day, the entity (null for the articles themselves) and a count. */
    public record Contribution(List<String> entityIds, List<LocalDate> days, List<Integer> articles) {
        public static final Contribution NONE = new Contribution(List.of(), List.of(), List.of());
    }

    private DayCounts() {
    }

    /** What these articles count for as stored now (nothing for ids not stored). */
    public static Contribution of(Connection connection, Collection<String> articleIds) throws SQLException {
        if (articleIds.isEmpty()) {
            return Contribution.NONE;
        }
        try (PreparedStatement ps = connection.prepareStatement(CONTRIBUTION)) {
            var ids = connection.createArrayOf("text", articleIds.toArray());
            ps.setArray(1, ids);
            ps.setArray(2, ids);
            return rows(ps);
        }
    }

    /**
     * Counts these articles as they are stored now instead of as {@code before} (what {@link #of} said before they
     * changed; {@link Contribution#NONE} for new ones). Deleted articles count for nothing now.
     */
    public static void replace(Connection connection, Contribution before, Collection<String> articleIds)
            throws SQLException {
        if (articleIds.isEmpty() && before.days().isEmpty()) {
            return;
        }
        Contribution zeros;
        try (PreparedStatement ps = connection.prepareStatement(REPLACE)) {
            var ids = connection.createArrayOf("text", articleIds.toArray());
            ps.setArray(1, ids);
            ps.setArray(2, ids);
            ps.setArray(3, connection.createArrayOf("text", before.entityIds().toArray()));
            ps.setArray(4, dates(connection, before.days()));
            ps.setArray(5, connection.createArrayOf("integer", before.articles().toArray()));
            zeros = rows(ps);
        }
        if (zeros.days().isEmpty()) {
            return; // the usual case: new articles only add
        }
        try (PreparedStatement ps = connection.prepareStatement(DELETE_ZEROS)) {
            ps.setArray(1, connection.createArrayOf("text", zeros.entityIds().toArray()));
            ps.setArray(2, dates(connection, zeros.days()));
            ps.executeUpdate();
        }
    }

    /** (entity id, day, articles) rows. */
    private static Contribution rows(PreparedStatement ps) throws SQLException {
        List<String> entityIds = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        List<Integer> articles = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entityIds.add(rs.getString(1));
                days.add(rs.getObject(2, LocalDate.class));
                articles.add(rs.getInt(3));
            }
        }
        return new Contribution(entityIds, days, articles);
    }

    private static java.sql.Array dates(Connection connection, List<LocalDate> days) throws SQLException {
        return connection.createArrayOf("date", days.stream().map(LocalDate::toString).toArray());
    }

    /** Stored articles dated {@code from} to {@code to}, both days included. */
    static long articles(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(ARTICLES)) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Of those, how many name each entity (entities named by none are left out). */
    static Map<String, Long> naming(Connection connection, Collection<String> entityIds, LocalDate from,
                                    LocalDate to) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        if (entityIds.isEmpty()) {
            return counts;
        }
        try (PreparedStatement ps = connection.prepareStatement(NAMING)) {
            ps.setArray(1, connection.createArrayOf("text", entityIds.toArray()));
            ps.setObject(2, from);
            ps.setObject(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }
}
