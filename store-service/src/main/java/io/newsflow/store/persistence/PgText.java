package io.newsflow.store.persistence;

import io.newsflow.contracts.EnrichedArticle;

import java.util.List;

/**
 * PostgreSQL cannot store U+0000 in text or jsonb ("invalid byte sequence", "unsupported Unicode escape sequence"), and
 * scraped pages do contain it; dropping the character is lossless for readers and keeps such articles storable.
 */
final class PgText {

    private PgText() {
    }

    static String clean(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
    }

    static List<String> clean(List<String> values) {
        return values.stream().map(PgText::clean).toList();
    }

    /** Coordinates as sent when they are a point on the earth; dropped (not the entity) when they are not. */
    static EnrichedArticle.Geo onEarth(EnrichedArticle.Geo geo) {
        return geo != null && Math.abs(geo.lat()) <= 90 && Math.abs(geo.lon()) <= 180 ? geo : null; // NaN fails too
    }

    static List<EnrichedArticle.Entity> cleanEntities(List<EnrichedArticle.Entity> entities) {
        return entities.stream()
                .map(e -> new EnrichedArticle.Entity(clean(e.id()), clean(e.name()), e.type(), e.linked(), e.count(),
                        e.salience(), e.mentions().stream()
                        .map(m -> new EnrichedArticle.Mention(clean(m.field()), m.start(), m.end(), clean(m.text())))
                        .toList(), onEarth(e.geo())))
                .toList();
    }

    static List<EnrichedArticle.Topic> cleanTopics(List<EnrichedArticle.Topic> topics) {
        return topics.stream().map(t -> new EnrichedArticle.Topic(clean(t.code()), clean(t.label()), t.score())).toList();
    }
}
