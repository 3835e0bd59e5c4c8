package io.newsflow.store.query;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.store.persistence.LanguageCodes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated {@code GET /api/articles} request and the parameterised SQL that answers it. Every filter is optional
 * and they combine with AND; results are newest first (published, else fetched), ties broken by id so pages are stable
 * and a keyset cursor can continue exactly where the previous page ended.
 *
 * @param limit    1..{@value #MAX_LIMIT}
 * @param entity   entity id, or entity name compared case-insensitively
 * @param topic    IPTC Media Topic code; a broader code also matches its narrower codes
 * @param language language code, normalised like stored ones
 * @param source   outlet host name, case-insensitive
 * @param text     free text in web-search syntax ("quoted phrase", -excluded, or)
 * @param type     entity type: restricts {@code entity} (and the entity facet) to that type; alone, articles naming
 *                 any entity of that type
 * @param story    story id
 * @param from     articles at or after this time (inclusive)
 * @param to       articles before this time (exclusive)
 * @param cursor   where the previous page ended, or null for the first page
 * @param facets   facet names to count over the whole filtered set
 */
public record ArticleQuery(int limit, String entity, String topic, String language, String source, String text,
                           String type, String story, Instant from, Instant to, Cursor cursor, Set<String> facets) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;
    /** Longest filter value accepted; far above any real id, code or name, it only bounds abuse. */
    static final int MAX_VALUE_LENGTH = 200;
    /** Longest free-text query accepted. */
    static final int MAX_TEXT_LENGTH = 500;
    /** How many of the most salient entities each list item carries. */
    static final int SUMMARY_ENTITIES = 5;
    /** Values counted per facet, most frequent first. */
    public static final int FACET_SIZE = 20;
    public static final Set<String> FACETS = Set.of("topic", "entity", "source", "language");
    /** IPTC codes whose hierarchy is in the digits: 2 digits level 1, 3 level 2, 3 level 3 (medtop:16009000). */
    private static final Pattern HIERARCHICAL_TOPIC = Pattern.compile("[a-z]+:\\d{8}");

    public ArticleQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        facets = facets == null ? Set.of() : Set.copyOf(facets);
    }

    /** The query of the first API version: no type, story, time range, cursor or facets. */
    public ArticleQuery(int limit, String entity, String topic, String language, String source, String text) {
        this(limit, entity, topic, language, source, text, null, null, null, null, null, Set.of());
    }

    /** Reads the raw query-string values of the first API version; blank filters count as absent. */
    public static ArticleQuery parse(String limit, String entity, String topic, String language, String source,
                                     String text) {
        return parse(limit, entity, topic, language, source, text, null, null, null, null, null, null);
    }

    /** Reads the raw query-string values; blank filters count as absent; anything malformed is a 400. */
    public static ArticleQuery parse(String limit, String entity, String topic, String language, String source,
                                     String text, String type, String story, String from, String to, String cursor,
                                     String facets) {
        String lang = optional("language", language, MAX_VALUE_LENGTH);
        Instant fromTime = time("from", from);
        Instant toTime = time("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw new InvalidQueryException("from must be before to");
        }
        return new ArticleQuery(parseLimit(limit),
                optional("entity", entity, MAX_VALUE_LENGTH),
                optional("topic", topic, MAX_VALUE_LENGTH),
                lang == null ? null : LanguageCodes.normalise(lang),
                optional("source", source, MAX_VALUE_LENGTH),
                optional("q", text, MAX_TEXT_LENGTH),
                entityType(type),
                optional("story", story, MAX_VALUE_LENGTH),
                fromTime, toTime,
                cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor.strip()),
                facets(facets));
    }

    static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range number
        }
        throw new InvalidQueryException("limit must be an integer between 1 and " + MAX_LIMIT + ", was '" + limit + "'");
    }

    static String entityType(String type) {
        String value = optional("type", type, MAX_VALUE_LENGTH);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        for (EnrichedArticle.EntityType t : EnrichedArticle.EntityType.values()) {
            if (t.name().equals(upper)) {
                return upper;
            }
        }
        throw new InvalidQueryException("type must be one of " + Arrays.toString(EnrichedArticle.EntityType.values())
                + ", was '" + value + "'");
    }

    /** An ISO-8601 instant (2026-11-20T10:00:00Z) or a date (2026-11-20, meaning its start in UTC). */
    public static Instant time(String name, String value) {
        String v = optional(name, value, MAX_VALUE_LENGTH);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(name + " must be an ISO-8601 instant (2026-11-20T10:00:00Z) or date "
                    + "(2026-11-20), was '" + v + "'");
        }
    }

    static Set<String> facets(String facets) {
        String v = optional("facets", facets, MAX_VALUE_LENGTH);
        if (v == null) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : v.split(",")) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (!FACETS.contains(n)) {
                throw new InvalidQueryException("facets must be a comma-separated subset of topic,entity,source,"
                        + "language, was '" + v + "'");
            }
            names.add(n);
        }
        return names;
    }

    private static String optional(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidQueryException(name + " must be at most " + maxLength + " characters");
        }
        if (stripped.indexOf('\u0000') >= 0) {
            throw new InvalidQueryException(name + " must not contain NUL characters");
        }
        return stripped;
    }

    /** The prefix shared by codes narrower than {@code code}, or null when the code has no narrower codes. */
    public static String narrowerTopicPrefix(String code) {
        String pattern = narrowerTopics(code);
        return pattern == null ? null : pattern.substring(0, pattern.length() - 1);
    }

    /** The LIKE pattern of codes narrower than {@code code}, or null when the code has no narrower codes. */
    static String narrowerTopics(String code) {
        if (!HIERARCHICAL_TOPIC.matcher(code).matches()) {
            return null;
        }
        int colon = code.indexOf(':');
        String digits = code.substring(colon + 1);
        if (digits.endsWith("000000")) {
            return code.substring(0, colon + 3) + "%";
        }
        if (digits.endsWith("000")) {
            return code.substring(0, colon + 6) + "%";
        }
        return null;
    }

    /** The list query; {@code configs} supplies the stemming configurations a free-text search must try. */
    public SqlStatement toSql(TextSearchConfigs configs) {
        var sql = new StringBuilder("""
                SELECT a.id, a.title, a.source, coalesce(a.url, a.canonical_url) AS url, a.published_at, a.fetched_at,
                       a.language, a.topics, a.story_id, a.sort_at,
                       (SELECT coalesce(jsonb_agg(jsonb_build_object('id', e.entity_id, 'name', e.name, 'type', e.type,
                                                                     'salience', e.salience)
                                                  ORDER BY e.salience DESC, e.entity_id), '[]'::jsonb)
                          FROM (SELECT * FROM article_entity x WHERE x.article_id = a.id
                                 ORDER BY x.salience DESC, x.entity_id LIMIT ?) e) AS top_entities
                FROM article a
                WHERE TRUE
                """);
        List<Object> parameters = new ArrayList<>();
        parameters.add(SUMMARY_ENTITIES);
        appendFilters(sql, parameters, configs);
        if (cursor != null) {
            if (cursor.sortAt() == null) {
                sql.append("  AND a.sort_at IS NULL AND a.id < ?\n");
                parameters.add(cursor.id());
            } else {
                sql.append("  AND (a.sort_at < ? OR (a.sort_at = ? AND a.id < ?) OR a.sort_at IS NULL)\n");
                parameters.add(java.time.OffsetDateTime.ofInstant(cursor.sortAt(), java.time.ZoneOffset.UTC));
                parameters.add(java.time.OffsetDateTime.ofInstant(cursor.sortAt(), java.time.ZoneOffset.UTC));
                parameters.add(cursor.id());
            }
        }
        sql.append("ORDER BY a.sort_at DESC NULLS LAST, a.id DESC\nLIMIT ?");
        parameters.add(limit);
        return new SqlStatement(sql.toString(), parameters);
    }

    /** Counts of one facet over the filtered set (cursor and limit ignored), most frequent first. */
    public SqlStatement facetSql(String facet, TextSearchConfigs configs) {
        var filtered = new StringBuilder("SELECT a.id FROM article a WHERE TRUE\n");
        List<Object> parameters = new ArrayList<>();
        appendFilters(filtered, parameters, configs);
        String sql = switch (facet) {
            case "topic" -> "SELECT t.code AS value, max(t.label) AS label, NULL AS type, count(*) AS n "
                    + "FROM article_topic t WHERE t.article_id IN (" + filtered + ") GROUP BY t.code";
            case "entity" -> "SELECT e.entity_id AS value, max(e.name) AS label, max(e.type) AS type, count(*) AS n "
                    + "FROM article_entity e WHERE e.article_id IN (" + filtered + ")"
                    + (type != null ? " AND e.type = ?" : "") + " GROUP BY e.entity_id";
            case "source" -> "SELECT a.source AS value, NULL AS label, NULL AS type, count(*) AS n FROM article a "
                    + "WHERE a.id IN (" + filtered + ") AND a.source IS NOT NULL GROUP BY a.source";
            case "language" -> "SELECT a.language AS value, NULL AS label, NULL AS type, count(*) AS n FROM article a "
                    + "WHERE a.id IN (" + filtered + ") GROUP BY a.language";
            default -> throw new InvalidQueryException("unknown facet " + facet);
        };
        if ("entity".equals(facet) && type != null) {
            parameters.add(type);
        }
        parameters.add(FACET_SIZE);
        return new SqlStatement(sql + "\nORDER BY n DESC, value LIMIT ?", parameters);
    }

    private void appendFilters(StringBuilder sql, List<Object> parameters, TextSearchConfigs configs) {
        if (entity != null) {
            sql.append("""
                      AND EXISTS (SELECT 1 FROM article_entity f WHERE f.article_id = a.id
                                   AND (f.entity_id = ? OR lower(f.name) = lower(?))""");
            parameters.add(entity);
            parameters.add(entity);
            if (type != null) {
                sql.append(" AND f.type = ?");
                parameters.add(type);
            }
            sql.append(")\n");
        } else if (type != null) {
            sql.append("  AND EXISTS (SELECT 1 FROM article_entity f WHERE f.article_id = a.id AND f.type = ?)\n");
            parameters.add(type);
        }
        if (topic != null) {
            String narrower = narrowerTopics(topic);
            if (narrower == null) {
                sql.append("  AND EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id AND t.code = ?)\n");
                parameters.add(topic);
            } else {
                sql.append("  AND EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id"
                        + " AND (t.code = ? OR t.code LIKE ?))\n");
                parameters.add(topic);
                parameters.add(narrower);
            }
        }
        if (language != null) {
            sql.append("  AND a.language = ?\n");
            parameters.add(language);
        }
        if (source != null) {
            sql.append("  AND lower(a.source) = lower(?)\n");
            parameters.add(source.toLowerCase(Locale.ROOT));
        }
        if (story != null) {
            sql.append("  AND a.story_id = ?\n");
            parameters.add(story);
        }
        if (from != null) {
            sql.append("  AND a.sort_at >= ?\n");
            parameters.add(java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append("  AND a.sort_at < ?\n");
            parameters.add(java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
        }
        if (text != null) {
            // Each branch has a constant configuration, so each can use the GIN index; the ts_config test keeps a
            // query stemmed for one language from matching an article stemmed for another.
            sql.append("  AND (a.search @@ websearch_to_tsquery('simple'::regconfig, ?)");
            parameters.add(text);
            for (String config : configs.stemmingConfigsFor(language)) {
                sql.append("\n       OR (a.ts_config = ?::regconfig AND a.search @@ websearch_to_tsquery(?::regconfig, ?))");
                parameters.add(config);
                parameters.add(config);
                parameters.add(text);
            }
            sql.append(")\n");
        }
    }
}
