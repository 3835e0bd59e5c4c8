package io.newsflow.contracts;

/**
 * Kafka topic names. Every topic is keyed by the id of the entity it carries (article id, feed id), so compaction,
 * per-article ordering and idempotent consumers follow from the key. Each stage dead-letters what it cannot process
 * to its own {@code *.dlq} topic, with the reason in the {@link DeadLetters} headers.
 */
public final class Topics {
    /** Raw articles as extracted by ingest-service; key = article id; value = {@link RawArticle}. */
    public static final String ARTICLES_RAW = "news.articles.raw";
    /** Enriched articles from enrich-service; key = article id; value = {@link EnrichedArticle}. */
    public static final String ARTICLES_ENRICHED = "news.articles.enriched";

    /** Story created/updated events from store-service; key = story id; value = the story's summary as JSON. */
    public static final String STORIES = "news.stories";

    /** Feeds and pages ingest-service could not read (key = feed or page URL). */
    public static final String INGEST_DLQ = "news.ingest.dlq";
    /** Raw-article messages enrich-service could not process (original key and value kept). */
    public static final String ENRICH_DLQ = "news.enrich.dlq";
    /** Enriched-article messages store-service could not store (original key and value kept). */
    public static final String STORE_DLQ = "news.store.dlq";

    /** Compacted: feed subscriptions, key = feed id; a null value (tombstone) unsubscribes. */
    public static final String INGEST_FEEDS = "news.ingest.feeds";
    /** Compacted: what ingest has already published, key = article id; value = content hash and revision. */
    public static final String INGEST_SEEN = "news.ingest.seen";

    private Topics() {
    }
}
