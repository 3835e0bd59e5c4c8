package io.newsflow.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A raw article with what enrich-service found in it; the value on {@link Topics#ARTICLES_ENRICHED}, keyed by the
 * article id.
 *
 * @param schemaVersion version of this contract; consumers reject versions they do not know
 * @param article       the raw article, unchanged
 * @param language      detected language
 * @param entities      named entities, most salient first
 * @param topics        IPTC Media Topics, best first
 * @param enrichedAt    when the enrichment ran
 */
public record EnrichedArticle(
        int schemaVersion,
        RawArticle article,
        Language language,
        List<Entity> entities,
        List<Topic> topics,
        Instant enrichedAt) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(language, "language");
        entities = entities == null ? List.of() : List.copyOf(entities);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** The article id, which is also the Kafka key. */
    public String id() {
        return article.id();
    }

    /**
     * @param code       ISO 639-1 code where one exists ("en", "nb", "nn"), else ISO 639-3; "und" when undetermined
     * @param confidence 0..1
     */
    public record Language(String code, double confidence) {
        public static final String UNDETERMINED = "und";
    }

    /**
     * @param id       canonical id: a Wikidata QID ("Q7747") when linked, else "nf:" + type + ":" + normalised name
     * @param name     canonical name
     * @param type     entity type
     * @param linked   true when the entity was matched to the knowledge base
     * @param count    number of mentions
     * @param salience 0..1; mentions in the headline and lead weigh more
     * @param mentions where the entity occurs
     */
    public record Entity(String id, String name, EntityType type, boolean linked, int count, double salience,
                         List<Mention> mentions) {
        public Entity {
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }
    }

    /** Kinds of named entity. */
    public enum EntityType { PERSON, ORGANIZATION, LOCATION, PRODUCT, EVENT }

    /**
     * One occurrence of an entity.
     *
     * @param field "title" or "text"
     * @param start offset of the first char in that field (UTF-16 units, as Java and JavaScript count)
     * @param end   offset after the last char
     * @param text  the surface form as written
     */
    public record Mention(String field, int start, int end, String text) {
    }

    /**
     * @param code  IPTC Media Topic code, e.g. "medtop:11000000"
     * @param label English label
     * @param score 0..1
     */
    public record Topic(String code, String label, double score) {
    }
}
