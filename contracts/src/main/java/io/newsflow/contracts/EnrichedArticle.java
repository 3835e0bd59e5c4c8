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
 * @param fingerprint   what the store needs to group articles about one story; optional (null from producers that
 *                      predate it, and omitted from the JSON then), so schemaVersion stays 1
 */
public record EnrichedArticle(
        int schemaVersion,
        RawArticle article,
        Language language,
        List<Entity> entities,
        List<Topic> topics,
        Instant enrichedAt,
        Fingerprint fingerprint) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(language, "language");
        entities = entities == null ? List.of() : List.copyOf(entities);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** An enriched article without a fingerprint (the shape before the fingerprint was added). */
    public EnrichedArticle(int schemaVersion, RawArticle article, Language language, List<Entity> entities,
                           List<Topic> topics, Instant enrichedAt) {
        this(schemaVersion, article, language, entities, topics, enrichedAt, null);
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
     * @param geo      where a place is (a city or town the knowledge base knows); null for other entities, for places
     *                 without coordinates and from producers before this field existed
     */
    public record Entity(String id, String name, EntityType type, boolean linked, int count, double salience,
                         List<Mention> mentions, Geo geo) {
        public Entity {
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }

        /** An entity without coordinates. */
        public Entity(String id, String name, EntityType type, boolean linked, int count, double salience,
                      List<Mention> mentions) {
            this(id, name, type, linked, count, salience, mentions, null);
        }
    }

    /**
     * A point on the earth (WGS 84 degrees, as GeoNames gives them; about 100 m precision).
     *
     * @param lat latitude, -90..90
     * @param lon longitude, -180..180
     */
    public record Geo(double lat, double lon) {
        private static final double EARTH_RADIUS_KM = 6371.0;

        /** Great-circle distance (haversine), in kilometres. */
        public double kilometresTo(Geo other) {
            double dLat = Math.toRadians(other.lat - lat);
            double dLon = Math.toRadians(other.lon - lon);
            double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat))
                    * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
            return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
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
     * @param code  IPTC Media Topic code, e.g. "medtop:11000000", or "rule:&lt;id&gt;" for a user-defined rule topic
     * @param label English label
     * @param score 0..1
     */
    public record Topic(String code, String label, double score) {
    }

    /**
     * Story fingerprint of an article: near-copies share MinHash values and SimHash bits, articles about one story
     * across outlets and languages share top entities and keywords.
     *
     * @param minhash      MinHash signature of the title-and-text word shingles
     *                     ({@link io.newsflow.contracts.fingerprint.MinHash#SIGNATURE_SIZE} values)
     * @param simhash      64-bit SimHash of the words, 16 lower-case hex digits
     * @param words        how many words were fingerprinted (too few make a match meaningless)
     * @param keywords     the article's most characteristic words, normalised (lower case), best first
     * @param topEntityIds ids of its most salient entities (QIDs where linked), best first
     */
    public record Fingerprint(List<Integer> minhash, String simhash, int words, List<String> keywords,
                              List<String> topEntityIds) {
        public Fingerprint {
            minhash = minhash == null ? List.of() : List.copyOf(minhash);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            topEntityIds = topEntityIds == null ? List.of() : List.copyOf(topEntityIds);
        }

        /** From a text fingerprint computed with {@link io.newsflow.contracts.fingerprint.TextFingerprint#of}. */
        public static Fingerprint of(io.newsflow.contracts.fingerprint.TextFingerprint text, List<String> keywords,
                                     List<String> topEntityIds) {
            List<Integer> values = new java.util.ArrayList<>(text.minHash().length);
            for (int v : text.minHash()) {
                values.add(v);
            }
            return new Fingerprint(values, String.format("%016x", text.simHash()), text.words(), keywords, topEntityIds);
        }

        /** Back to the comparable form, for similarity and copy checks; null when the MinHash is missing or malformed. */
        public io.newsflow.contracts.fingerprint.TextFingerprint textFingerprint() {
            if (minhash.size() != io.newsflow.contracts.fingerprint.MinHash.SIGNATURE_SIZE || simhash == null) {
                return null;
            }
            int[] values = new int[minhash.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = minhash.get(i);
            }
            return new io.newsflow.contracts.fingerprint.TextFingerprint(values, Long.parseUnsignedLong(simhash, 16), words);
        }
    }
}
