package io.newsflow.store.query;

import io.newsflow.store.persistence.LanguageCodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A validated {@code GET /api/articles} request and the parameterised SQL that answers it. Every filter is optional
 * and they combine with AND; results are newest first (published, else fetched), ties broken by id so pages are stable.
 *
 * @param limit    1..{@value #MAX_LIMIT}
 * @param entity   entity id, or entity name compared case-insensitively
 * @param topic    IPTC Media Topic code
 * @param language language code, normalised like stored ones
 * @param source   outlet host name, case-insensitive
 * @param text     free text in web-search syntax ("quoted phrase", -excluded, or)
 */
public record ArticleQuery(int limit, String entity, String topic, String language, String source, String text) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;
    /** Longest filter value accepted; far above any real id, code or name, it only bounds abuse. */
    static final int MAX_VALUE_LENGTH = 200;
    /** Longest free-text query accepted. */
    static final int MAX_TEXT_LENGTH = 500;
    /** How many of the most salient entities each list item carries. */
    static final int SUMMARY_ENTITIES = 5;

    public ArticleQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Reads the raw query-string values; blank filters count as absent. */
    public static ArticleQuery parse(String limit, String entity, String topic, String language, String source,
                                     String text) {
        String lang = optional("language", language, MAX_VALUE_LENGTH);
        return new ArticleQuery(parseLimit(limit),
                optional("entity", entity, MAX_VALUE_LENGTH),
                optional("topic", topic, MAX_VALUE_LENGTH),
                lang == null ? null : LanguageCodes.normalise(lang),
                optional("source", source, MAX_VALUE_LENGTH),
                optional("q", text, MAX_TEXT_LENGTH));
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

    /** The list query; {@code configs} supplies the stemming configurations a free-text search must try. */
    public SqlStatement toSql(TextSearchConfigs configs) {
        var sql = new StringBuilder("""
                SELECT a.id, a.title, a.source, coalesce(a.url, a.canonical_url) AS url, a.published_at, a.fetched_at,
                       a.language, a.topics,
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
        if (entity != null) {
            sql.append("""
                      AND EXISTS (SELECT 1 FROM article_entity f WHERE f.article_id = a.id
                                   AND (f.entity_id = ? OR lower(f.name) = lower(?)))
                    """);
            parameters.add(entity);
            parameters.add(entity);
        }
        if (topic != null) {
            sql.append("  AND EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id AND t.code = ?)\n");
            parameters.add(topic);
        }
        if (language != null) {
            sql.append("  AND a.language = ?\n");
            parameters.add(language);
        }
        if (source != null) {
            sql.append("  AND lower(a.source) = lower(?)\n");
            parameters.add(source.toLowerCase(Locale.ROOT));
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
        sql.append("ORDER BY a.sort_at DESC NULLS LAST, a.id DESC\nLIMIT ?");
        parameters.add(limit);
        return new SqlStatement(sql.toString(), parameters);
    }
}
